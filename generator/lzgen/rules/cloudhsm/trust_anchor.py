"""LZ6007: the trust anchor certificate of a CloudHSM cluster's KMS custom key store is a PEM
certificate in a file inside the org file's folder.

``trust_anchor_certificate`` is a relative path, read relative to the org file's folder (an
absolute path, or one that climbs out with ``..``, would make the output depend on the machine
it is generated on); the load stage read it (``RuleContext.files``: a file missing there could
not be read: absent, not a regular file, larger than the load stage reads, or not UTF-8); and
it holds a ``-----BEGIN CERTIFICATE-----`` block whose base64 decodes (``ssl.PEM_cert_to_DER_cert``)
to DER that starts with a SEQUENCE. Anything else is an error, so nothing is written: KMS
refuses to connect the key store with a trust anchor it cannot parse, long after the apply.
"""

from __future__ import annotations

import posixpath
import re
import ssl
from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath

from lzgen.diagnostics import Diagnostic
from lzgen.load import MAX_ATTACHMENT_BYTES
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ6007"
BLOCK = re.compile(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", re.DOTALL)
SEQUENCE = 0x30  # the DER tag every X.509 certificate starts with
WHAT = "the PEM file of the certificate that signed the cluster's CSR"


def _outside(written: str) -> str | None:
    """Why ``written`` is not a relative path inside the org file's folder, or None."""
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute():
        return "is an absolute path"
    if PureWindowsPath(written).drive:
        return "names a drive"
    normal = posixpath.normpath(written.replace("\\", "/"))
    if normal.startswith("/"):
        return "is an absolute path"
    if normal == ".." or normal.startswith("../"):
        return "climbs out of the org file's folder"
    return None


def pem_problem(text: str) -> str | None:
    """Why ``text`` is not a PEM certificate, or None."""
    block = BLOCK.search(text)
    if block is None:
        return "it has no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block"
    try:
        der = ssl.PEM_cert_to_DER_cert(block.group(0))
    except ValueError:  # not ASCII, or bad base64 (binascii.Error is a ValueError)
        return "its certificate block is not valid base64"
    if not der or der[0] != SEQUENCE:
        return "its certificate block does not decode to a DER certificate (an ASN.1 SEQUENCE)"
    return None


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for c, cluster in enumerate(ctx.org.cloudhsm_clusters):
        store = cluster.kms_custom_key_store
        if store is None:
            continue
        written = store.trust_anchor_certificate
        at = ("cloudhsm_clusters", c, "kms_custom_key_store", "trust_anchor_certificate")
        owner = f"the trust anchor certificate of CloudHSM cluster '{cluster.name}'"
        why = _outside(written)
        if why is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"{owner}, '{written}', {why}",
                at,
                hint=f"copy {WHAT} next to the org file (or into a folder below it) and give "
                "its path relative to the org file, for example certs/customerCA.crt",
            )
            continue
        text = ctx.files.get(written)
        if text is None:
            where = "" if ctx.doc.base is None else f" ({ctx.doc.base / written})"
            yield ctx.doc.diagnostic(
                CODE,
                f"cannot read {owner}, '{written}'{where}",
                at,
                hint=f"put {WHAT} there: a regular UTF-8 file of at most "
                f"{MAX_ATTACHMENT_BYTES // 1024} KiB, relative to the org file's folder",
            )
            continue
        problem = pem_problem(text)
        if problem is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"{owner}, '{written}', is not a PEM certificate: {problem}",
                at,
                hint=f"give {WHAT}, PEM-encoded (`openssl x509 -in CERT -outform PEM`); "
                "nothing is written until it parses",
            )


RULE = Rule(CODE, "a KMS custom key store's trust anchor is a PEM certificate file", check)
