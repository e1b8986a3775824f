"""The clinic's brand: what pages show of it, colour contrast rules, the generated stylesheet
and icons."""
