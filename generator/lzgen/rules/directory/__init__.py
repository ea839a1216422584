"""Rules of shared AWS Managed Microsoft AD directories (``directories:``)."""
