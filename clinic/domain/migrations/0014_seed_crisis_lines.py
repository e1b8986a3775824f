"""The urgent-help page's first crisis lines: several per region, none offered as the only one.

Free national lines that answer around the clock in Canada, the United States, the United
Kingdom and Ireland, and Australia, and a worldwide directory. Marketing removes the regions
its patients do not live in and adds local lines (docs/editors.md). Only added where no line
exists yet, and removed again only if unchanged.
"""

from django.db import migrations

ANYWHERE = "Anywhere"
LINES = [
    # (region, name, phone, text number, text word, who it is for, web address)
    ("Canada", "Emergency services", "911", "", "",
     "If your life or someone else's is in danger now.", ""),
    ("Canada", "9-8-8 Suicide Crisis Helpline", "988", "988", "",
     "Anyone thinking about suicide, or worried about someone. Any time, in English or French.",
     "https://988.ca/"),
    ("Canada", "Kids Help Phone", "1-800-668-6868", "686868", "CONNECT",
     "Young people, for any worry, big or small. Any time.", "https://kidshelpphone.ca/"),
    ("Canada", "Hope for Wellness Help Line", "1-855-242-3310", "", "",
     "First Nations, Inuit and Métis people. Any time, with counsellors who know the culture.",
     "https://www.hopeforwellness.ca/"),
    ("United States", "Emergency services", "911", "", "",
     "If your life or someone else's is in danger now.", ""),
    ("United States", "988 Suicide & Crisis Lifeline", "988", "988", "",
     "Anyone in emotional distress or thinking about suicide. Any time. Veterans press 1.",
     "https://988lifeline.org/"),
    ("United States", "Crisis Text Line", "", "741741", "HOME",
     "Anyone in crisis who would rather text than talk. Any time.",
     "https://www.crisistextline.org/"),
    ("United States", "National Domestic Violence Hotline", "1-800-799-7233", "", "",
     "Anyone affected by abuse at home, and people worried about them. Any time.",
     "https://www.thehotline.org/"),
    ("United Kingdom and Ireland", "Emergency services", "999", "", "",
     "If your life or someone else's is in danger now (112 works too).", ""),
    ("United Kingdom and Ireland", "Samaritans", "116 123", "", "",
     "Anyone who is struggling, about anything. Any time, free from any phone.",
     "https://www.samaritans.org/"),
    ("United Kingdom and Ireland", "Shout", "", "85258", "SHOUT",
     "Anyone in the UK who would rather text than talk. Any time.",
     "https://giveusashout.org/"),
    ("Australia", "Emergency services", "000", "", "",
     "If your life or someone else's is in danger now.", ""),
    ("Australia", "Lifeline", "13 11 14", "", "",
     "Anyone in crisis or thinking about suicide. Any time.", "https://www.lifeline.org.au/"),
    ("Australia", "1800RESPECT", "1800 737 732", "", "",
     "Anyone affected by domestic, family or sexual violence. Any time.",
     "https://www.1800respect.org.au/"),
    (ANYWHERE, "Find A Helpline", "", "", "",
     "Free, confidential helplines in many other countries, searchable by country and topic.",
     "https://findahelpline.com/"),
]  # fmt: skip


def add_lines(apps, schema_editor):
    CrisisLine = apps.get_model("clinic", "CrisisLine")
    if CrisisLine.objects.exists():
        return
    for position, (region, name, phone, text, word, description, url) in enumerate(LINES):
        CrisisLine.objects.create(
            region=region, name=name, phone=phone, text_number=text, text_keyword=word,
            description=description, url=url, position=position * 10,
        )  # fmt: skip


def remove_lines(apps, schema_editor):
    CrisisLine = apps.get_model("clinic", "CrisisLine")
    for region, name, phone, text, word, description, url in LINES:
        CrisisLine.objects.filter(
            region=region, name=name, phone=phone, text_number=text, description=description
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("clinic", "0013_crisis_lines_quick_exit_and_location_photos")]

    operations = [migrations.RunPython(add_lines, remove_lines)]
