"""Rules that resolve names: regions, AZs, accounts, tiers."""
