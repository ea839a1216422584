"""LZ3019 and LZ3020: BGP ASNs of transit gateways, virtual private gateways and customer
gateways are private; a customer gateway's ASN differs from its gateway's.

Private ASNs are 64512-65534 (2 bytes) and 4200000000-4294967294 (4 bytes).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext, VpnSite

CODE_PRIVATE = "LZ3019"
CODE_DISTINCT = "LZ3020"
PRIVATE_ASNS = ((64512, 65534), (4200000000, 4294967294))


def is_private_asn(asn: int) -> bool:
    return any(low <= asn <= high for low, high in PRIVATE_ASNS)


def _gateways(ctx: RuleContext) -> Iterator[tuple[str, int, YamlPath, list[VpnSite]]]:
    """(what, ASN, path of the ASN, VPN connections) of every TGW and VGW."""
    for t, tgw in enumerate(ctx.org.transit_gateways):
        what = f"transit gateway '{tgw.name}'"
        yield what, tgw.asn, ("transit_gateways", t, "asn"), ctx.tgw_vpns(t)
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.vpn_gateway is not None:
            sites = [site for j, _, site in ctx.vgw_vpns() if j == i]
            what = f"the virtual private gateway of VPC '{vpc.name}'"
            yield what, vpc.vpn_gateway.asn, ("vpcs", i, "vpn_gateway", "asn"), sites


def check_private(ctx: RuleContext) -> Iterator[Diagnostic]:
    hint = "use a private ASN: 64512-65534, or 4200000000-4294967294"
    for what, asn, path, sites in _gateways(ctx):
        if not is_private_asn(asn):
            yield ctx.doc.diagnostic(
                CODE_PRIVATE, f"ASN {asn} of {what} is not a private ASN", path, hint=hint
            )
        for vpn, vpn_path in sites:
            cgw = vpn.customer_gateway.asn
            if not is_private_asn(cgw):
                yield ctx.doc.diagnostic(
                    CODE_PRIVATE,
                    f"customer gateway ASN {cgw} of VPN '{vpn.name}' is not a private ASN",
                    (*vpn_path, "customer_gateway", "asn"),
                    hint=hint,
                )


def check_distinct(ctx: RuleContext) -> Iterator[Diagnostic]:
    for what, asn, path, sites in _gateways(ctx):
        for vpn, vpn_path in sites:
            if vpn.customer_gateway.asn == asn:
                line, column = ctx.doc.locate(path)
                yield ctx.doc.diagnostic(
                    CODE_DISTINCT,
                    f"customer gateway of VPN '{vpn.name}' uses ASN {asn}, the ASN of {what}",
                    (*vpn_path, "customer_gateway", "asn"),
                    related=(path,),
                    hint=f"the gateway's ASN is at line {line}, column {column}; BGP needs a "
                    "different ASN on each side",
                )


RULES = (
    Rule(CODE_PRIVATE, "TGW, VGW and customer gateway ASNs are private", check_private),
    Rule(CODE_DISTINCT, "customer gateway ASNs differ from their gateway's", check_distinct),
)
