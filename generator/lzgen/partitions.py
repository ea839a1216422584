"""AWS partitions by region name: lzgen renders only the commercial ``aws`` partition.

Every ARN lzgen writes starts ``arn:aws:``, and GovCloud, China and the isolated regions are
separate partitions with organizations of their own, so their regions are refused (LZ2018).
"""

from __future__ import annotations

COMMERCIAL = "aws"

# region name prefix -> (partition, what AWS calls it)
_PARTITIONS: tuple[tuple[str, str, str], ...] = (
    ("us-gov-", "aws-us-gov", "AWS GovCloud (US)"),
    ("cn-", "aws-cn", "AWS China"),
    ("us-iso-", "aws-iso", "AWS ISO"),
    ("us-isob-", "aws-iso-b", "AWS ISOB"),
    ("eu-isoe-", "aws-iso-e", "AWS ISOE"),
    ("us-isof-", "aws-iso-f", "AWS ISOF"),
)


def partition(region: str) -> tuple[str, str]:
    """(partition, its name) of ``region``: ``("aws", "AWS")`` unless its prefix says
    otherwise, whether or not the region exists."""
    for prefix, name, label in _PARTITIONS:
        if region.startswith(prefix):
            return name, label
    return COMMERCIAL, "AWS"
