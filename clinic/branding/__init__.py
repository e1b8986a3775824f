"""The clinic's brand: what pages show of it, contrast rules, its stylesheet and icons."""
