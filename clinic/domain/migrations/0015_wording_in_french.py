"""The clinic's wording gets a column per language (clinic.domain.translation): English and
French. The English columns start with what the single columns held; the profile's French ones
start with its French wording (their defaults), and the crisis lines first added by 0014, where
still as added, get their French names, descriptions, text words and web pages.
"""

import django.db.models.functions.text
import django.db.models.lookups
import markdownx.models
from django.db import migrations, models



WORDING = {
    "ClinicProfile": [
        "name",
        "tagline",
        "about",
        "default_disclaimer",
        "previous_default_disclaimer",
        "crisis_line",
        "study_selection",
        "funding_statement",
        "conflicts_statement",
        "home_title",
        "home_intro",
        "contact_heading",
        "contact_text",
        "footer_note",
        "articles_intro",
        "topics_intro",
        "team_intro",
        "locations_intro",
        "urgent_help_intro",
    ],
    "CrisisLine": ["region", "name", "description", "text_keyword", "url"],
    "Person": ["role_title", "bio", "bio_html"],
    "Location": ["alternate_phone_label", "accessibility_notes", "parking_notes", "transit_notes"],
    "LocationException": ["note"],
}

IN_DANGER = "Si votre vie ou celle de quelqu'un d'autre est en danger maintenant."
# (region, name, phone as 0014 added them) -> (region, name, who it is for, text word, web page)
CRISIS_LINES_FR = {
    ("Canada", "Emergency services", "911"): (
        "Canada", "Services d'urgence", IN_DANGER, "", ""),
    ("Canada", "9-8-8 Suicide Crisis Helpline", "988"): (
        "Canada", "9-8-8 : Ligne d'aide en cas de crise de suicide",
        "Toute personne qui pense au suicide ou qui s'inquiète pour quelqu'un. En tout temps, "
        "en français ou en anglais.", "", "https://988.ca/fr"),
    ("Canada", "Kids Help Phone", "1-800-668-6868"): (
        "Canada", "Jeunesse, J'écoute",
        "Les jeunes, pour toute inquiétude, petite ou grande. En tout temps, en français ou en "
        "anglais.", "PARLER", "https://jeunessejecoute.ca/"),
    ("Canada", "Hope for Wellness Help Line", "1-855-242-3310"): (
        "Canada", "Ligne d'écoute d'espoir pour le mieux-être",
        "Les Premières Nations, les Inuit et les Métis. En tout temps, avec des intervenants "
        "qui connaissent la culture.", "", "https://www.espoirpourlemieuxetre.ca/"),
    ("United States", "Emergency services", "911"): (
        "États-Unis", "Services d'urgence", IN_DANGER, "", ""),
    ("United States", "988 Suicide & Crisis Lifeline", "988"): (
        "États-Unis", "988 Suicide & Crisis Lifeline",
        "Toute personne en détresse ou qui pense au suicide. En tout temps. Les anciens "
        "combattants font le 1.", "", ""),
    ("United States", "Crisis Text Line", ""): (
        "États-Unis", "Crisis Text Line",
        "Toute personne en crise qui préfère texter plutôt que parler. En tout temps, en "
        "anglais.", "", ""),
    ("United States", "National Domestic Violence Hotline", "1-800-799-7233"): (
        "États-Unis", "National Domestic Violence Hotline",
        "Toute personne touchée par la violence à la maison, et ses proches inquiets. En tout "
        "temps.", "", ""),
    ("United Kingdom and Ireland", "Emergency services", "999"): (
        "Royaume-Uni et Irlande", "Services d'urgence",
        "Si votre vie ou celle de quelqu'un d'autre est en danger maintenant (le 112 fonctionne "
        "aussi).", "", ""),
    ("United Kingdom and Ireland", "Samaritans", "116 123"): (
        "Royaume-Uni et Irlande", "Samaritans",
        "Toute personne qui traverse un moment difficile, quelle qu'en soit la raison. En tout "
        "temps, gratuit depuis n'importe quel téléphone.", "", ""),
    ("United Kingdom and Ireland", "Shout", ""): (
        "Royaume-Uni et Irlande", "Shout",
        "Toute personne au Royaume-Uni qui préfère texter plutôt que parler. En tout temps.",
        "", ""),
    ("Australia", "Emergency services", "000"): (
        "Australie", "Services d'urgence", IN_DANGER, "", ""),
    ("Australia", "Lifeline", "13 11 14"): (
        "Australie", "Lifeline", "Toute personne en crise ou qui pense au suicide. En tout temps.",
        "", ""),
    ("Australia", "1800RESPECT", "1800 737 732"): (
        "Australie", "1800RESPECT",
        "Toute personne touchée par la violence conjugale, familiale ou sexuelle. En tout temps.",
        "", ""),
    ("Anywhere", "Find A Helpline", ""): (
        "Ailleurs dans le monde", "Find A Helpline",
        "Des lignes d'écoute gratuites et confidentielles dans beaucoup d'autres pays, à "
        "chercher par pays et par sujet.", "", "https://findahelpline.com/fr"),
}  # fmt: skip


def english_from_the_single_columns(apps, schema_editor):
    for model_name, fields in WORDING.items():
        model = apps.get_model("clinic", model_name)
        model.objects.update(**{f"{name}_en": models.F(name) for name in fields})


def french_crisis_lines(apps, schema_editor):
    CrisisLine = apps.get_model("clinic", "CrisisLine")
    for (region, name, phone), french in CRISIS_LINES_FR.items():
        region_fr, name_fr, description_fr, keyword_fr, url_fr = french
        CrisisLine.objects.filter(region=region, name=name, phone=phone, name_fr="").update(
            region_fr=region_fr, name_fr=name_fr, description_fr=description_fr,
            text_keyword_fr=keyword_fr, url_fr=url_fr,
        )  # fmt: skip


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0014_seed_crisis_lines'),
    ]

    operations = [
        migrations.AddField(
            model_name='clinicprofile',
            name='about_en',
            field=models.TextField(blank=True, default='', help_text='A short paragraph shown under every article and on the home page.', verbose_name='about the clinic'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='about_fr',
            field=models.TextField(blank=True, default='', help_text='A short paragraph shown under every article and on the home page.', verbose_name='about the clinic'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='articles_intro_en',
            field=models.CharField(default='Published studies explained in plain language, newest first.', help_text='Under the heading of the list of all research summaries.', max_length=300, verbose_name='article list introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='articles_intro_fr',
            field=models.CharField(default="Des études publiées expliquées en langage clair, les plus récentes d'abord.", help_text='Under the heading of the list of all research summaries.', max_length=300, verbose_name='article list introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='conflicts_statement_en',
            field=models.TextField(blank=True, default='', help_text="Optional, on the editorial policy page after the treatments the clinic offers: for example a reviewer's paid work for a drug maker.", verbose_name='other interests to declare'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='conflicts_statement_fr',
            field=models.TextField(blank=True, default='', help_text="Optional, on the editorial policy page after the treatments the clinic offers: for example a reviewer's paid work for a drug maker.", verbose_name='other interests to declare'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='contact_heading_en',
            field=models.CharField(default='Questions about your own care?', help_text='The heading of the box at the end of every article that invites readers to call or book.', max_length=120, verbose_name='contact box heading'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='contact_heading_fr',
            field=models.CharField(default='Des questions sur vos propres soins?', help_text='The heading of the box at the end of every article that invites readers to call or book.', max_length=120, verbose_name='contact box heading'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='contact_text_en',
            field=models.TextField(default='Research can only tell part of the story. Talk to us about what might suit you.', help_text='The sentence under that heading, before the phone numbers and booking links.', verbose_name='contact box text'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='contact_text_fr',
            field=models.TextField(default="La recherche ne dit qu'une partie de l'histoire. Parlez-nous de ce qui pourrait vous convenir.", help_text='The sentence under that heading, before the phone numbers and booking links.', verbose_name='contact box text'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='crisis_line_en',
            field=models.TextField(default='If you are in crisis or thinking about suicide, call your local emergency number or go to the nearest emergency department now.', help_text='Shown above the results when someone searches for suicide, self-harm or crisis. Name the numbers people should call where your patients live, in one or two short sentences.', verbose_name='crisis line'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='crisis_line_fr',
            field=models.TextField(default="Si vous êtes en crise ou si vous pensez au suicide, composez dès maintenant le numéro d'urgence local ou rendez-vous à l'urgence la plus proche.", help_text='Shown above the results when someone searches for suicide, self-harm or crisis. Name the numbers people should call where your patients live, in one or two short sentences.', verbose_name='crisis line'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='default_disclaimer_en',
            field=models.TextField(default='This summary is for education only and is not medical advice. It does not replace a conversation with your own doctor or care team. Research findings may not apply to you. Never start, stop or change a treatment without talking to a qualified health professional. In an emergency, call your local emergency number or go to the nearest emergency department.', help_text='Pre-filled into every new article. Editors can adapt it per article.'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='default_disclaimer_fr',
            field=models.TextField(default="Ce résumé sert uniquement à informer et ne constitue pas un avis médical. Il ne remplace pas une discussion avec votre médecin ou votre équipe soignante. Les résultats de recherche peuvent ne pas s'appliquer à votre situation. Ne commencez, n'arrêtez et ne modifiez jamais un traitement sans en parler à un professionnel de la santé qualifié. En cas d'urgence, composez le numéro d'urgence local ou rendez-vous à l'urgence la plus proche.", help_text='Pre-filled into every new article. Editors can adapt it per article.'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='footer_note_en',
            field=models.CharField(default='The articles on this site are for education only and are not medical advice.', help_text='The short note at the bottom of every page.', max_length=300),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='footer_note_fr',
            field=models.CharField(default='Les articles de ce site servent uniquement à informer et ne constituent pas un avis médical.', help_text='The short note at the bottom of every page.', max_length=300),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='funding_statement_en',
            field=models.TextField(default='The clinic pays for this library itself. We carry no advertising and no sponsored content, and no drug or device maker pays for, reviews or approves our summaries.', help_text='Shown on the editorial policy page: who pays for the library, and that it carries no advertising.', verbose_name='funding and advertising'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='funding_statement_fr',
            field=models.TextField(default="La clinique finance elle-même cette bibliothèque. Nous n'acceptons ni publicité ni contenu commandité, et aucun fabricant de médicaments ou d'appareils médicaux ne paie, ne révise ni n'approuve nos résumés.", help_text='Shown on the editorial policy page: who pays for the library, and that it carries no advertising.', verbose_name='funding and advertising'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='home_intro_en',
            field=models.TextField(default='Plain-language summaries of published research on the conditions and treatments we work with, written for patients and families.', help_text='One or two sentences under the home page heading: who the library is for.', verbose_name='home page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='home_intro_fr',
            field=models.TextField(default='Des résumés en langage clair de recherches publiées sur les problèmes de santé et les traitements dont nous nous occupons, écrits pour les patients et leurs proches.', help_text='One or two sentences under the home page heading: who the library is for.', verbose_name='home page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='home_title_en',
            field=models.CharField(blank=True, default='', help_text="The big heading on the home page. Leave empty to use the clinic's name followed by “research library”.", max_length=120, verbose_name='home page title'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='home_title_fr',
            field=models.CharField(blank=True, default='', help_text="The big heading on the home page. Leave empty to use the clinic's name followed by “research library”.", max_length=120, verbose_name='home page title'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='locations_intro_en',
            field=models.CharField(default='Call, email or book at any of our locations.', help_text='Under the heading of the Locations and hours page.', max_length=300, verbose_name='locations page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='locations_intro_fr',
            field=models.CharField(default="Appelez-nous, écrivez-nous ou prenez rendez-vous dans l'un de nos points de service.", help_text='Under the heading of the Locations and hours page.', max_length=300, verbose_name='locations page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='name_en',
            field=models.CharField(default='Our clinic', max_length=120),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='name_fr',
            field=models.CharField(default='', max_length=120),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='previous_default_disclaimer_en',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='previous_default_disclaimer_fr',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='study_selection_en',
            field=models.TextField(default='We summarise studies that answer questions our patients ask about their conditions and treatments. We look first for systematic reviews, meta-analyses and randomised controlled trials published in peer-reviewed journals. When only smaller or earlier studies exist we may summarise them too, and say plainly how strong their evidence is. We summarise results whether or not they favour a treatment we offer.', help_text='Shown on the editorial policy page. Say which studies you summarise and why.', verbose_name='how studies are chosen'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='study_selection_fr',
            field=models.TextField(default="Nous résumons des études qui répondent aux questions que nos patients se posent sur leurs problèmes de santé et leurs traitements. Nous cherchons d'abord des revues systématiques, des méta-analyses et des essais contrôlés randomisés publiés dans des revues révisées par des pairs. Quand il n'existe que des études plus petites ou plus anciennes, nous pouvons aussi les résumer, en disant clairement à quel point leurs preuves sont solides. Nous résumons les résultats, qu'ils soient favorables ou non à un traitement que nous offrons.", help_text='Shown on the editorial policy page. Say which studies you summarise and why.', verbose_name='how studies are chosen'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='tagline_en',
            field=models.CharField(blank=True, default='', max_length=200),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='tagline_fr',
            field=models.CharField(blank=True, default='', max_length=200),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='team_intro_en',
            field=models.CharField(default='The people who write and medically review our research summaries.', help_text='Under the heading of the Team page.', max_length=300, verbose_name='team page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='team_intro_fr',
            field=models.CharField(default='Les personnes qui rédigent nos résumés de recherche et en font la révision médicale.', help_text='Under the heading of the Team page.', max_length=300, verbose_name='team page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='topics_intro_en',
            field=models.CharField(default='Browse research summaries by condition and treatment.', help_text='Under the heading of the Topics page.', max_length=300, verbose_name='topics page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='topics_intro_fr',
            field=models.CharField(default='Parcourez les résumés de recherche par problème de santé et par traitement.', help_text='Under the heading of the Topics page.', max_length=300, verbose_name='topics page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='urgent_help_intro_en',
            field=models.TextField(default='If you might hurt yourself or someone else, or your life is in danger, call your local emergency number now or go to the nearest emergency department. The lines below are free and confidential. If one is busy or does not suit you, try another.', help_text='The first words on the Urgent help page, above the crisis lines. Phone numbers in it become tap-to-call links.', verbose_name='urgent help page introduction'),
        ),
        migrations.AddField(
            model_name='clinicprofile',
            name='urgent_help_intro_fr',
            field=models.TextField(default="Si vous risquez de vous faire du mal ou de faire du mal à quelqu'un, ou si votre vie est en danger, composez dès maintenant le numéro d'urgence local ou rendez-vous à l'urgence la plus proche. Les lignes ci-dessous sont gratuites et confidentielles. Si l'une est occupée ou ne vous convient pas, essayez-en une autre.", help_text='The first words on the Urgent help page, above the crisis lines. Phone numbers in it become tap-to-call links.', verbose_name='urgent help page introduction'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='description_en',
            field=models.CharField(blank=True, default='', help_text='One sentence: who it helps and when, for example “Anyone thinking about suicide, or worried about someone. Any time, in English or French.”', max_length=300, verbose_name='who it is for'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='description_fr',
            field=models.CharField(blank=True, default='', help_text='One sentence: who it helps and when, for example “Anyone thinking about suicide, or worried about someone. Any time, in English or French.”', max_length=300, verbose_name='who it is for'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='name_en',
            field=models.CharField(default='', help_text='For example “9-8-8 Suicide Crisis Helpline”.', max_length=120),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='name_fr',
            field=models.CharField(default='', help_text='For example “9-8-8 Suicide Crisis Helpline”.', max_length=120),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='region_en',
            field=models.CharField(default='', help_text='Where the line answers, as readers would look for it: “Canada”, “United States”, “Anywhere”. Lines are grouped by region, in the order of their first line.', max_length=80),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='region_fr',
            field=models.CharField(default='', help_text='Where the line answers, as readers would look for it: “Canada”, “United States”, “Anywhere”. Lines are grouped by region, in the order of their first line.', max_length=80),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='text_keyword_en',
            field=models.CharField(blank=True, default='', help_text='Optional: the word to send, for example “HOME”.', max_length=40, verbose_name='word to text'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='text_keyword_fr',
            field=models.CharField(blank=True, default='', help_text='Optional: the word to send, for example “HOME”.', max_length=40, verbose_name='word to text'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='url_en',
            field=models.URLField(blank=True, default='', max_length=300, verbose_name='web address'),
        ),
        migrations.AddField(
            model_name='crisisline',
            name='url_fr',
            field=models.URLField(blank=True, default='', max_length=300, verbose_name='web address'),
        ),
        migrations.AddField(
            model_name='location',
            name='accessibility_notes_en',
            field=models.TextField(blank=True, default='', help_text='Step-free access, lifts, washrooms, quiet rooms.', verbose_name='accessibility'),
        ),
        migrations.AddField(
            model_name='location',
            name='accessibility_notes_fr',
            field=models.TextField(blank=True, default='', help_text='Step-free access, lifts, washrooms, quiet rooms.', verbose_name='accessibility'),
        ),
        migrations.AddField(
            model_name='location',
            name='alternate_phone_label_en',
            field=models.CharField(blank=True, default='', help_text='What the second number is, as patients see it beside it: “Toll-free”, “Intake line”, “Text only”. Empty shows “Other phone”.', max_length=40, verbose_name='second phone is for'),
        ),
        migrations.AddField(
            model_name='location',
            name='alternate_phone_label_fr',
            field=models.CharField(blank=True, default='', help_text='What the second number is, as patients see it beside it: “Toll-free”, “Intake line”, “Text only”. Empty shows “Other phone”.', max_length=40, verbose_name='second phone is for'),
        ),
        migrations.AddField(
            model_name='location',
            name='parking_notes_en',
            field=models.TextField(blank=True, default='', verbose_name='parking'),
        ),
        migrations.AddField(
            model_name='location',
            name='parking_notes_fr',
            field=models.TextField(blank=True, default='', verbose_name='parking'),
        ),
        migrations.AddField(
            model_name='location',
            name='transit_notes_en',
            field=models.TextField(blank=True, default='', verbose_name='public transit'),
        ),
        migrations.AddField(
            model_name='location',
            name='transit_notes_fr',
            field=models.TextField(blank=True, default='', verbose_name='public transit'),
        ),
        migrations.AddField(
            model_name='locationexception',
            name='note_en',
            field=models.CharField(blank=True, default='', help_text='Shown to visitors, e.g. “Canada Day”.', max_length=200, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='locationexception',
            name='note_fr',
            field=models.CharField(blank=True, default='', help_text='Shown to visitors, e.g. “Canada Day”.', max_length=200, verbose_name='public note'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_en',
            field=markdownx.models.MarkdownxField(blank=True, default='', help_text='Markdown. A few sentences in the first person.'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_fr',
            field=markdownx.models.MarkdownxField(blank=True, default='', help_text='Markdown. A few sentences in the first person.'),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_html_en',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='person',
            name='bio_html_fr',
            field=models.TextField(default='', editable=False),
        ),
        migrations.AddField(
            model_name='person',
            name='role_title_en',
            field=models.CharField(blank=True, default='', help_text='For example “Clinical psychologist”.', max_length=120, verbose_name='role'),
        ),
        migrations.AddField(
            model_name='person',
            name='role_title_fr',
            field=models.CharField(blank=True, default='', help_text='For example “Clinical psychologist”.', max_length=120, verbose_name='role'),
        ),
        migrations.RunPython(english_from_the_single_columns, migrations.RunPython.noop),
        migrations.RunPython(french_crisis_lines, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='clinicprofile',
            constraint=models.CheckConstraint(condition=models.Q(('default_disclaimer_fr__isnull', False), django.db.models.lookups.GreaterThan(django.db.models.functions.text.Length(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(models.F('default_disclaimer_fr'), models.Value(' '), models.Value('')), models.Value('\t'), models.Value('')), models.Value('\n'), models.Value('')), models.Value('\r'), models.Value('')), models.Value('\x0c'), models.Value('')), models.Value('\x0b'), models.Value('')), models.Value('\xa0'), models.Value('')), models.Value('\u2007'), models.Value('')), models.Value('\u202f'), models.Value('')), models.Value('\u3000'), models.Value(''))), 0)), name='clinicprofile_disclaimer_fr_not_blank', violation_error_message='The French default disclaimer cannot be empty.'),
        ),
        migrations.AddConstraint(
            model_name='clinicprofile',
            constraint=models.CheckConstraint(condition=models.Q(('crisis_line_fr__isnull', False), django.db.models.lookups.GreaterThan(django.db.models.functions.text.Length(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(models.F('crisis_line_fr'), models.Value(' '), models.Value('')), models.Value('\t'), models.Value('')), models.Value('\n'), models.Value('')), models.Value('\r'), models.Value('')), models.Value('\x0c'), models.Value('')), models.Value('\x0b'), models.Value('')), models.Value('\xa0'), models.Value('')), models.Value('\u2007'), models.Value('')), models.Value('\u202f'), models.Value('')), models.Value('\u3000'), models.Value(''))), 0)), name='clinicprofile_crisis_line_fr_not_blank', violation_error_message='The French crisis line cannot be empty.'),
        ),
        migrations.AddConstraint(
            model_name='clinicprofile',
            constraint=models.CheckConstraint(condition=models.Q(('urgent_help_intro_fr__isnull', False), django.db.models.lookups.GreaterThan(django.db.models.functions.text.Length(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(django.db.models.functions.text.Replace(models.F('urgent_help_intro_fr'), models.Value(' '), models.Value('')), models.Value('\t'), models.Value('')), models.Value('\n'), models.Value('')), models.Value('\r'), models.Value('')), models.Value('\x0c'), models.Value('')), models.Value('\x0b'), models.Value('')), models.Value('\xa0'), models.Value('')), models.Value('\u2007'), models.Value('')), models.Value('\u202f'), models.Value('')), models.Value('\u3000'), models.Value(''))), 0)), name='clinicprofile_urgent_help_fr_not_blank', violation_error_message='The French urgent help introduction cannot be empty.'),
        ),
    ]
