"""The clinic's brand: colour contrast rules, the generated stylesheet and icons."""
