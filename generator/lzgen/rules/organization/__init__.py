"""Rules about the organization, OUs and accounts."""
