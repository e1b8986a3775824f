"""The French starting wording of the clinic profile, as a Canadian French clinic would write it.

Each is the default of the profile's French column (`clinic.domain.translation`), so a new
install, and the migration that added the columns, start with French of their own rather than
the English. Fields not listed start empty, and show the English until someone writes French.
"""

DEFAULT_DISCLAIMER_FR = (
    "Ce résumé sert uniquement à informer et ne constitue pas un avis médical. Il ne remplace "
    "pas une discussion avec votre médecin ou votre équipe soignante. Les résultats de "
    "recherche peuvent ne pas s'appliquer à votre situation. Ne commencez, n'arrêtez et ne "
    "modifiez jamais un traitement sans en parler à un professionnel de la santé qualifié. En "
    "cas d'urgence, composez le numéro d'urgence local ou rendez-vous à l'urgence la plus proche."
)

DEFAULT_CRISIS_LINE_FR = (
    "Si vous êtes en crise ou si vous pensez au suicide, composez dès maintenant le numéro "
    "d'urgence local ou rendez-vous à l'urgence la plus proche."
)

DEFAULT_URGENT_HELP_INTRO_FR = (
    "Si vous risquez de vous faire du mal ou de faire du mal à quelqu'un, ou si votre vie est "
    "en danger, composez dès maintenant le numéro d'urgence local ou rendez-vous à l'urgence la "
    "plus proche. Les lignes ci-dessous sont gratuites et confidentielles. Si l'une est occupée "
    "ou ne vous convient pas, essayez-en une autre."
)

FRENCH_DEFAULTS = {
    "default_disclaimer": DEFAULT_DISCLAIMER_FR,
    "crisis_line": DEFAULT_CRISIS_LINE_FR,
    "urgent_help_intro": DEFAULT_URGENT_HELP_INTRO_FR,
    "study_selection": (
        "Nous résumons des études qui répondent aux questions que nos patients se posent sur "
        "leurs problèmes de santé et leurs traitements. Nous cherchons d'abord des revues "
        "systématiques, des méta-analyses et des essais contrôlés randomisés publiés dans des "
        "revues révisées par des pairs. Quand il n'existe que des études plus petites ou plus "
        "anciennes, nous pouvons aussi les résumer, en disant clairement à quel point leurs "
        "preuves sont solides. Nous résumons les résultats, qu'ils soient favorables ou non à "
        "un traitement que nous offrons."
    ),
    "funding_statement": (
        "La clinique finance elle-même cette bibliothèque. Nous n'acceptons ni publicité ni "
        "contenu commandité, et aucun fabricant de médicaments ou d'appareils médicaux ne paie, "
        "ne révise ni n'approuve nos résumés."
    ),
    "home_intro": (
        "Des résumés en langage clair de recherches publiées sur les problèmes de santé et les "
        "traitements dont nous nous occupons, écrits pour les patients et leurs proches."
    ),
    "contact_heading": "Des questions sur vos propres soins?",
    "contact_text": (
        "La recherche ne dit qu'une partie de l'histoire. Parlez-nous de ce qui pourrait vous "
        "convenir."
    ),
    "footer_note": (
        "Les articles de ce site servent uniquement à informer et ne constituent pas un avis "
        "médical."
    ),
    "articles_intro": "Des études publiées expliquées en langage clair, les plus récentes d'abord.",
    "topics_intro": "Parcourez les résumés de recherche par problème de santé et par traitement.",
    "team_intro": (
        "Les personnes qui rédigent nos résumés de recherche et en font la révision médicale."
    ),
    "locations_intro": (
        "Appelez-nous, écrivez-nous ou prenez rendez-vous dans l'un de nos points de service."
    ),
}
