"""Synthetic org.yaml generator for lzgen benchmarks.

``synth_org(n)`` returns the text of a valid org file with ``n`` member accounts, each owning
exactly one 3-AZ, 3-tier VPC with a unique, non-overlapping /20 carved from ``seed_cidr_base``.
Output is built with plain string formatting (no YAML library), so it is fast and byte-for-byte
deterministic for the same arguments.

Two shapes (``shape=``):

- ``"basic"`` (issue 2's figures): the VPCs below and nothing else;
- ``"hub"`` (default, issue 4): additionally a ``network`` account (OU ``Infrastructure``) owning
  Transit Gateway ``core`` in ``us-east-1`` with route tables ``[shared, spokes]``, shared with
  the ``Workloads`` OU, and a ``shared-services`` VPC (the last /20 of the base) attached to
  ``shared``, propagating to ``spokes``. Every member VPC is in ``us-east-1`` (a VPC attaches
  only to a TGW in its region), attaches its ``app`` tier to ``core`` (route table ``spokes``,
  propagating to ``shared``), and shares its ``app`` tier with the next account (the last with
  the first). So each account has a VPC, a TGW attachment and a RAM subnet share.

Layout per account ``i`` (1-based):

- account ``acct-{i:04d}``, email ``aws+acct-{i:04d}@example.com``, id ``"3000000" + f"{i:05d}"``,
  OU ``Workloads/Prod`` for odd ``i`` and ``Workloads/NonProd`` for even ``i``;
- VPC ``vpc-{i:04d}`` in that account, region ``us-east-1`` (odd) or ``eu-west-1`` (even),
  CIDR = the ``(i-1)``-th /20 of the base (10.0.0.0/20, 10.0.16.0/20, ...);
  in the hub shape every VPC is in ``us-east-1``.

Tiers (/26 public, /24 private, /25 isolated) with 4 AZ slots reserved each need
4*64 + 4*256 + 4*128 = 1,792 addresses, well under the 4,096 of a /20.

Usage::

    python benchmarks/synth_org.py 1000 -o /tmp/org.yaml
    python benchmarks/synth_org.py 1000 --shape basic -o /tmp/org-basic.yaml
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

VPC_PREFIX = 20
MAX_ACCOUNTS = 99_999  # ids are "3000000" + a 5-digit index
REGIONS = ("us-east-1", "eu-west-1")
OUS = ("Workloads/Prod", "Workloads/NonProd")
SHAPES = ("hub", "basic")
HUB_REGION = "us-east-1"
NETWORK_ACCOUNT = "network"
NETWORK_ACCOUNT_ID = "299999999999"

HEADER = """\
version: 1
organization:
  name: example-corp
  home_region: us-east-1
  management_account_id: "111111111111"
  access_role: OrganizationAccountAccessRole
  existing: { id: o-exampleorg1, root_id: r-ex01 }
  trusted_services: []
  policy_types: []
  state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1 }
  pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
organizational_units:
  - name: Infrastructure
  - name: Workloads
    children: [{ name: Prod }, { name: NonProd }]
"""

ACCOUNT_LINE = '  - {{ name: {name}, email: aws+{name}@example.com, ou: {ou}, id: "{id}" }}\n'

VPC_BLOCK = """\
  - name: {vpc}
    account: {account}
    region: {region}
    cidr: {cidr}
    azs: [a, b, c]
    nat_gateways: per_az
    flow_logs: true
    subnets:
      - {{ name: public, type: public,   size: 26 }}
      - {{ name: app,    type: private,  size: 24 }}
      - {{ name: data,   type: isolated, size: 25 }}
    endpoints:
      gateway: [s3]
"""


NETWORK_ACCOUNT_LINE = (
    f"  - {{ name: {NETWORK_ACCOUNT}, email: aws+{NETWORK_ACCOUNT}@example.com, "
    f'ou: Infrastructure, id: "{NETWORK_ACCOUNT_ID}" }}\n'
)

TGW_SECTION = f"""\
transit_gateways:
  - name: core
    account: {NETWORK_ACCOUNT}
    region: {HUB_REGION}
    asn: 64512
    route_tables: [shared, spokes]
    share_with: {{ ous: [Workloads] }}
"""

HUB_VPC_BLOCK = """\
  - name: shared-services
    account: {account}
    region: {region}
    cidr: {cidr}
    azs: [a, b, c]
    nat_gateways: per_az
    flow_logs: true
    subnets:
      - {{ name: public, type: public,   size: 26 }}
      - {{ name: app,    type: private,  size: 24 }}
      - {{ name: data,   type: isolated, size: 25 }}
    endpoints:
      gateway: [s3]
    transit_gateway: {{ name: core, subnets: app, route_table: shared, propagate_to: [spokes] }}
"""

SPOKE_VPC_BLOCK = """\
  - name: {vpc}
    account: {account}
    region: {region}
    cidr: {cidr}
    azs: [a, b, c]
    nat_gateways: per_az
    flow_logs: true
    subnets:
      - {{ name: public, type: public,   size: 26 }}
      - {{ name: app,    type: private,  size: 24, share_with: {{ accounts: [{share}] }} }}
      - {{ name: data,   type: isolated, size: 25 }}
    endpoints:
      gateway: [s3]
    transit_gateway: {{ name: core, subnets: app, route_table: spokes, propagate_to: [shared] }}
"""


def account_name(index: int) -> str:
    """Name of the ``index``-th (1-based) synthetic account."""
    return f"acct-{index:04d}"


def account_id(index: int) -> str:
    """12-digit account id of the ``index``-th account: ``3000000`` + 5-digit index."""
    return f"3000000{index:05d}"


def vpc_cidr(base: ipaddress.IPv4Network, index: int) -> str:
    """The ``(index-1)``-th /20 inside ``base``, as text (``10.x.y.0/20``)."""
    addr = int(base.network_address) + ((index - 1) << (32 - VPC_PREFIX))
    return f"{ipaddress.IPv4Address(addr)}/{VPC_PREFIX}"


def _parse_base(seed_cidr_base: str, accounts: int, *, hub: bool) -> ipaddress.IPv4Network:
    """Validate the arguments and return the base network to carve /20s from."""
    base = ipaddress.IPv4Network(seed_cidr_base, strict=True)
    if base.prefixlen > VPC_PREFIX:
        raise ValueError(f"seed_cidr_base {base} is smaller than a /{VPC_PREFIX}")
    capacity = min(MAX_ACCOUNTS, 1 << (VPC_PREFIX - base.prefixlen))
    if hub:
        capacity = min(capacity, (1 << (VPC_PREFIX - base.prefixlen)) - 1)  # last /20: hub VPC
    if not 1 <= accounts <= capacity:
        raise ValueError(f"accounts must be between 1 and {capacity} for base {base}")
    return base


def _accounts_section(accounts: int, *, hub: bool) -> str:
    lines = [NETWORK_ACCOUNT_LINE] if hub else []
    lines += [
        ACCOUNT_LINE.format(name=account_name(i), ou=OUS[(i - 1) % 2], id=account_id(i))
        for i in range(1, accounts + 1)
    ]
    return "accounts:\n" + "".join(lines)


def _vpcs_section(accounts: int, base: ipaddress.IPv4Network) -> str:
    blocks = [
        VPC_BLOCK.format(
            vpc=f"vpc-{i:04d}",
            account=account_name(i),
            region=REGIONS[(i - 1) % 2],
            cidr=vpc_cidr(base, i),
        )
        for i in range(1, accounts + 1)
    ]
    return "vpcs:\n" + "".join(blocks)


def _hub_vpcs_section(accounts: int, base: ipaddress.IPv4Network) -> str:
    last = 1 << (VPC_PREFIX - base.prefixlen)  # the hub VPC takes the base's last /20
    blocks = [
        HUB_VPC_BLOCK.format(account=NETWORK_ACCOUNT, region=HUB_REGION, cidr=vpc_cidr(base, last))
    ]
    blocks += [
        SPOKE_VPC_BLOCK.format(
            vpc=f"vpc-{i:04d}",
            account=account_name(i),
            region=HUB_REGION,
            cidr=vpc_cidr(base, i),
            share=account_name(i % accounts + 1),
        )
        for i in range(1, accounts + 1)
    ]
    return "vpcs:\n" + "".join(blocks)


def synth_org(accounts: int, *, seed_cidr_base: str = "10.0.0.0/8", shape: str = "hub") -> str:
    """Return org YAML text with ``accounts`` accounts, each with one 3-AZ, 3-tier VPC; the
    ``hub`` shape adds the network account's TGW, attachments and tier shares (module doc)."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}, not {shape!r}")
    hub = shape == "hub"
    base = _parse_base(seed_cidr_base, accounts, hub=hub)
    if not hub:
        return HEADER + _accounts_section(accounts, hub=False) + _vpcs_section(accounts, base)
    return (
        HEADER
        + _accounts_section(accounts, hub=True)
        + TGW_SECTION
        + _hub_vpcs_section(accounts, base)
    )


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("accounts", type=int, help="number of member accounts (and VPCs)")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--seed-cidr-base", default="10.0.0.0/8", help="network to carve /20s from")
    parser.add_argument(
        "--shape", choices=SHAPES, default="hub", help="hub (issue 4, default) or basic (issue 2)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: write the synthetic org file to ``-o`` or stdout."""
    args = _parse_args(argv)
    try:
        text = synth_org(args.accounts, seed_cidr_base=args.seed_cidr_base, shape=args.shape)
    except ValueError as exc:
        print(f"synth_org: {exc}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
