"""Who a resource is shared with through AWS RAM: accounts by name, OUs by path."""

from __future__ import annotations

from lzgen.model.common import StrictModel


class ShareWith(StrictModel):
    accounts: list[str] = []
    ous: list[str] = []
