"""Rules that resolve names: regions, AZs, accounts, OUs, tiers, TGWs, route tables, VPCs."""
