"""LZ2003 (rules/organization/unique_names.py): names are compared as the Terraform addresses
they become, so two names that differ only in case or in runs of '-' are one name."""

from __future__ import annotations

from helpers import diagnose, diagnostics, org

TWO_ACCOUNTS = """
accounts:
  - {{ name: {first}, email: aws+one@example.com, ou: Infrastructure }}
  - {{ name: {second}, email: aws+two@example.com, ou: Infrastructure }}
"""


def test_names_that_become_one_address_are_one_name() -> None:
    text = org(TWO_ACCOUNTS.format(first="app-a", second="app--a"))
    assert diagnose(text) == [("LZ2003", 3, 13)]
    (d,) = diagnostics(text)
    assert d.message == "account names 'app-a' and 'app--a' become the same address 'app-a'"
    assert d.hint == (
        "the first is at line 2, column 13; names must be unique once case and repeated '-' "
        "are folded"
    )


def test_a_trailing_dash_is_folded_too() -> None:
    assert diagnose(org(TWO_ACCOUNTS.format(first="app", second="app-"))) == [("LZ2003", 3, 13)]


def test_the_same_name_twice_keeps_its_message() -> None:
    (d,) = diagnostics(org(TWO_ACCOUNTS.format(first="app-a", second="app-a")))
    assert d.message == "account name 'app-a' is used twice"


def test_different_addresses_pass() -> None:
    assert diagnose(org(TWO_ACCOUNTS.format(first="app-a", second="app-b"))) == []
