import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from articles.models import Article, Study
from clinic.domain.models import ClinicProfile
from tests.factories import ArticleFactory, PersonFactory, StudyFactory

pytestmark = pytest.mark.django_db

BLANK_DISCLAIMERS = ["", " ", "   \n\t ", "\r\n", "\u00a0\u00a0", " \f\v "]


@pytest.mark.parametrize("disclaimer", BLANK_DISCLAIMERS)
def test_database_refuses_article_with_blank_disclaimer(disclaimer):
    author = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(
            title="T", slug="t", summary="d", body="b", author=author, disclaimer=disclaimer
        )


def test_database_refuses_blanking_disclaimer_with_a_bulk_update():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(disclaimer="  ")
    article.refresh_from_db()
    assert article.disclaimer.strip()


def test_database_refuses_blank_disclaimer_in_raw_sql():
    article = ArticleFactory()
    table = Article._meta.db_table
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET disclaimer = %s WHERE id = %s", ["\n \t", article.pk])  # noqa: S608


def test_article_with_disclaimer_text_is_saved():
    article = ArticleFactory(disclaimer="  Education only, not medical advice. ")
    article.refresh_from_db()
    assert "Education only" in article.disclaimer


def test_model_validation_names_the_disclaimer_rule():
    article = ArticleFactory.build(author=PersonFactory(), disclaimer="   ")
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "disclaimer" in excinfo.value.message_dict


def test_hero_image_without_alt_text_is_refused_by_the_database():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(hero_image="articles/hero/x.jpg", hero_alt=" ")


def test_only_one_clinic_profile_can_exist():
    ClinicProfile.load()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicProfile.objects.bulk_create([ClinicProfile(pk=2, name="Second clinic")])
    assert ClinicProfile.objects.count() == 1


def test_saving_a_new_clinic_profile_replaces_the_single_row():
    ClinicProfile.load()
    ClinicProfile(name="Renamed clinic").save()
    assert list(ClinicProfile.objects.values_list("pk", "name")) == [(1, "Renamed clinic")]


@pytest.mark.parametrize(
    "column", ["default_disclaimer", "default_disclaimer_en", "default_disclaimer_fr"]
)
def test_clinic_profile_default_disclaimer_cannot_be_blank_in_any_language(column):
    ClinicProfile.load()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicProfile.objects.update(**{column: " \n"})


def test_body_is_rendered_to_html_on_save_and_reading_time_counted():
    article = ArticleFactory(body="## Findings\n\n" + "word " * 450)
    assert article.body_html.startswith('<h2 id="findings">Findings</h2>')
    assert article.reading_minutes == 3


def test_saving_only_the_body_still_refreshes_its_html():
    article = ArticleFactory()
    article.body = "New **text**"
    article.save(update_fields=["body"])
    article.refresh_from_db()
    assert article.body_html == "<p>New <strong>text</strong></p>"


@pytest.mark.parametrize("doi", ["10.4088/JCP.22r14614", "10.1001/jamapsychiatry.2014.62"])
def test_study_accepts_real_doi_formats(doi):
    study = StudyFactory(doi=doi)
    study.full_clean()
    assert study.doi_url == f"https://doi.org/{doi}"


@pytest.mark.parametrize("doi", ["https://doi.org/10.1/x", "doi:10.1234/x", "10.12/x", "10.1234/"])
def test_study_rejects_malformed_doi(doi):
    study = StudyFactory.build(article=ArticleFactory(), doi=doi)
    with pytest.raises(ValidationError) as excinfo:
        study.full_clean()
    assert "doi" in excinfo.value.message_dict


@pytest.mark.parametrize("pmid", ["abc", "0123", "1234567890", "12 34"])
def test_study_rejects_malformed_pubmed_id(pmid):
    study = StudyFactory.build(article=ArticleFactory(), pmid=pmid)
    with pytest.raises(ValidationError) as excinfo:
        study.full_clean()
    assert "pmid" in excinfo.value.message_dict


def test_study_link_prefers_url_then_doi_then_pubmed():
    study = StudyFactory(url="", doi="", pmid="36811520")
    assert study.link == "https://pubmed.ncbi.nlm.nih.gov/36811520/"
    study.doi = "10.4088/JCP.22r14614"
    assert study.link == "https://doi.org/10.4088/JCP.22r14614"
    study.url = "https://example.org/paper"
    assert study.link == "https://example.org/paper"


def test_study_citation_lists_up_to_six_authors_then_et_al_as_vancouver_does():
    study = StudyFactory()  # six authors: all of them
    assert study.short_authors == (
        "Philipp-Muller A, Stephenson C, Moghimi E, Vazquez G, Alavi N, Milev R"
    )
    study.authors += ", Lee K"
    assert study.short_authors == (
        "Philipp-Muller A, Stephenson C, Moghimi E, Vazquez G, Alavi N, Milev R, et al"
    )
    study.authors = "Lee K, Chan B,"
    assert study.short_authors == "Lee K, Chan B"
    assert study.measure_list == ["CAPS-5", "PCL-5"]


def test_database_refuses_implausible_study_year():
    study = StudyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Study.objects.filter(pk=study.pk).update(year=1200)
