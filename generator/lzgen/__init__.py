"""lzgen: one org.yaml in, reviewed and policy-scanned Terraform for an AWS landing zone out."""

__version__ = "0.1.0"
