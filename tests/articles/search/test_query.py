"""The query language, parsed the same way for both databases."""

from articles.search.query import parse, tokenize
from articles.search.synonyms import Thesaurus, split_terms

THESAURUS = Thesaurus(
    [
        ["PTSD", "post-traumatic stress disorder", "posttraumatic stress"],
        ["suicidal thoughts", "suicidal ideation"],
        ["hard-to-treat depression", "treatment-resistant depression", "TRD"],
        ["talk therapy", "psychotherapy"],
    ]
)


def test_every_word_must_match_and_stop_words_are_ignored():
    query = parse("what is CAPS-5")
    assert query.clauses == [((("caps", "5"),),)]
    assert query.words == ["caps", "5"]


def test_only_stop_words_is_an_empty_query():
    assert parse("what is the").is_empty
    assert parse('"of the"').is_empty


def test_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end():
    assert parse('"prolonged exposure" therapy').clauses == [
        ((("prolonged", "exposure"),),),
        ((("therapy",),),),
    ]
    assert parse('"prolonged exposure').clauses == [((("prolonged", "exposure"),),)]


def test_minus_excludes_a_word_or_a_phrase():
    query = parse('PTSD -ketamine -"nasal spray"')
    assert query.clauses == [((("ptsd",),),)]
    assert query.excluded == [((("ketamine",),),), ((("nasal", "spray"),),)]


def test_only_exclusions_is_an_empty_query():
    assert parse("-ketamine").is_empty


def test_or_in_any_case_joins_its_neighbours_and_binds_tighter_than_and():
    query = parse("ptsd ketamine or CBT")
    assert query.clauses == [((("ptsd",),),), ((("ketamine",),), (("cbt",),))]
    assert parse("ketamine OR cbt OR dbt").clauses == [((("ketamine",),), (("cbt",),), (("dbt",),))]


def test_a_dangling_or_is_ignored():
    assert parse("or ketamine or").clauses == [((("ketamine",),),)]


def test_odd_characters_are_only_separators():
    assert parse("ketamine; DROP TABLE -- %_\\").clauses == [
        ((("ketamine",),),),
        ((("drop",),),),
        ((("table",),),),
    ]
    assert tokenize("*:& | !") == []


def test_a_synonym_adds_alternatives_to_the_readers_own_words():
    query = parse("PTSD", THESAURUS)
    assert query.clauses == [
        (
            (("ptsd",),),
            (("post", "traumatic", "stress", "disorder"),),
            (("posttraumatic", "stress"),),
        )
    ]


def test_the_longest_synonym_wins_across_several_words_and_stop_words():
    query = parse("hard to treat depression", THESAURUS)
    assert query.clauses == [
        (
            (("hard",), ("treat",), ("depression",)),
            (("treatment", "resistant", "depression"),),
            (("trd",),),
        )
    ]
    assert query.words == ["hard", "treat", "depression"]


def test_synonyms_match_regardless_of_a_plural_s():
    (clause,) = parse("suicidal thought", THESAURUS).clauses
    assert (("suicidal", "ideation"),) in clause


def test_excluded_words_exclude_their_synonyms_too():
    query = parse("depression -talk therapy", THESAURUS)
    assert query.excluded == [((("talk",),),)]  # only the word after the minus
    query = parse('depression -"talk therapy"', THESAURUS)
    assert query.excluded == [((("talk", "therapy"),), (("psychotherapy",),))]


def test_a_quoted_phrase_is_matched_whole_against_synonyms():
    (clause,) = parse('"talk therapy"', THESAURUS).clauses
    assert clause == ((("talk", "therapy"),), (("psychotherapy",),))


def test_group_terms_can_be_typed_on_lines_or_between_commas():
    assert split_terms("PTSD, post-traumatic stress\n posttraumatic stress \n\nPTSD") == [
        "PTSD",
        "post-traumatic stress",
        "posttraumatic stress",
    ]


def test_a_group_needs_two_different_terms():
    assert len(Thesaurus([["PTSD", "ptsd"], ["x"]])) == 0


def test_a_stop_word_with_an_accent_is_still_a_stop_word():
    assert parse("á").is_empty
