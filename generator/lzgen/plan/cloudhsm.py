"""CloudHSM: each cluster in its VPC's account stack, ``accounts/<account>/<region>``, in a file
of its own (``cloudhsm_<cluster>.tf``) that refers to the VPC's subnets directly.

The cluster spans the tier's subnets; its HSMs are placed round-robin over the tier's AZs
(``model.cloudhsm.hsm_azs``), each in that AZ's subnet, addressed by its position
(``<cluster>_1``, ``<cluster>_2``, ...: adding an HSM never renames one). The security group
CloudHSM creates for the cluster admits TCP 2223-2225 from each client only: the CIDR of each
client VPC of the organization and of each client external peering; nothing else reaches the
HSMs.

A KMS custom key store is created in a second phase, once the cluster is initialised and
activated by hand and has a ``kmsuser`` crypto user: it is off by default
(``var.<cluster>_custom_key_store``), and its password is the sensitive variable
``<cluster>_kmsuser_password``, given from the CI secret store as ``TF_VAR_...``, never in a
file. The trust anchor certificate is copied next to the stack and read with ``file()``.
Resource counts are those of the default (key store off).
"""

from __future__ import annotations

from typing import Any

from lzgen.model.cloudhsm import CloudHsmCluster, hsm_azs
from lzgen.model.vpc import Vpc
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.types import FileSpec, StackPart, account_path

HSM_PORTS = (2223, 2225)  # TCP: the HSMs' client ports


def trust_anchor_file(cluster: CloudHsmCluster) -> str:
    """The certificate's copy in the cluster's stack, next to its file."""
    return f"{cluster.name}-trust-anchor.crt"


def cluster_vpc(index: PlanIndex, cluster: CloudHsmCluster) -> Vpc:
    return {v.name: v for v in index.org.vpcs}[cluster.vpc]


def client_cidrs(index: PlanIndex, cluster: CloudHsmCluster) -> list[dict[str, str]]:
    """Who is admitted, in file order: client VPCs, then client external peerings."""
    vpcs = {v.name: v for v in index.org.vpcs}
    peerings = {p.name: p for p in index.org.vpc_peerings}
    found: list[dict[str, str]] = [
        {
            "id": ident(cluster.name, name),
            "client": name,
            "cidr": vpcs[name].cidr,
            "description": f"CloudHSM (TCP 2223-2225) from VPC {name}",
        }
        for name in dict.fromkeys(cluster.clients.vpcs)
    ]
    for name in dict.fromkeys(cluster.clients.peerings):
        external = peerings[name].external
        assert external is not None  # client peerings are external (validated)
        found.append(
            {
                "id": ident(cluster.name, name),
                "client": name,
                "cidr": external.cidr,
                "description": (
                    f"CloudHSM (TCP 2223-2225) from peering {name} "
                    f"({external.vpc_id}, account {external.account_id})"
                ),
            }
        )
    return found


def cluster_context(index: PlanIndex, cluster: CloudHsmCluster) -> dict[str, Any]:
    vpc = cluster_vpc(index, cluster)
    vctx = index.vpc(vpc)
    cid = ident(cluster.name)
    subnets = {s["az_letter"]: s for s in vctx["subnets"] if s["tier"] == cluster.tier}
    store = cluster.kms_custom_key_store
    return {
        "id": cid,
        "name": cluster.name,
        "account": vpc.account,
        "region": vpc.region,
        "vpc": vpc.name,
        "vpc_cidr": vpc.cidr,
        "tier": cluster.tier,
        "hsm_type": cluster.hsm_type,
        "subnets": [f"aws_subnet.{subnets[az]['id']}.id" for az in vpc.azs if az in subnets],
        "hsms": [
            {
                "id": ident(cluster.name, str(n)),
                "name": f"{cluster.name}-{n}",
                "az": f"{vpc.region}{az}",
                "subnet": f"aws_subnet.{subnets[az]['id']}.id",
            }
            for n, az in enumerate(hsm_azs(cluster, [a for a in vpc.azs if a in subnets]), 1)
        ],
        "ports": HSM_PORTS,
        "ingress": client_cidrs(index, cluster),
        # variable names a shell can export as TF_VAR_<name>: no hyphens
        "key_store": None
        if store is None
        else {
            "name": store.name,
            "switch": f"{cid.replace('-', '_')}_custom_key_store",
            "password": f"{cid.replace('-', '_')}_kmsuser_password",
            "certificate": trust_anchor_file(cluster),
            "source": store.trust_anchor_certificate,
        },
    }


def _resources(ctx: dict[str, Any]) -> int:
    """Resource blocks of templates/cloudhsm/cluster.tf.j2 that the default plans: the key
    store's count is 0 until its switch is on."""
    return 1 + len(ctx["hsms"]) + len(ctx["ingress"])


def _part(index: PlanIndex, cluster: CloudHsmCluster) -> StackPart:
    ctx = cluster_context(index, cluster)
    files = [
        FileSpec(f"cloudhsm_{cluster.name}.tf", "cloudhsm/cluster.tf.j2", {"c": ctx}),
        FileSpec("outputs.tf", "cloudhsm/outputs.tf.j2", {"c": ctx}),
    ]
    store = ctx["key_store"]
    if store is not None:
        files.append(FileSpec("variables.tf", "cloudhsm/variables.tf.j2", {"c": ctx}))
        text = index.files.get(store["source"], "")
        files.append(FileSpec(store["certificate"], "stack/verbatim.j2", {"text": text}))
    return StackPart(account_path(ctx["account"], ctx["region"]), tuple(files), _resources(ctx))


def plan_cloudhsm(index: PlanIndex) -> list[StackPart]:
    return [_part(index, c) for c in sorted(index.org.cloudhsm_clusters, key=lambda c: c.name)]


def cloudhsm_docs(index: PlanIndex) -> list[dict[str, Any]]:
    """The generated README's "CloudHSM" sections: per cluster its stack and both phases."""
    found = []
    for cluster in sorted(index.org.cloudhsm_clusters, key=lambda c: c.name):
        ctx = cluster_context(index, cluster)
        peerings = [
            {"name": p, "path": f"peerings/{p}"} for p in dict.fromkeys(cluster.clients.peerings)
        ]
        found.append(
            {
                **ctx,
                "path": account_path(ctx["account"], ctx["region"]),
                "file": f"cloudhsm_{cluster.name}.tf",
                "peerings": peerings,
            }
        )
    return found
