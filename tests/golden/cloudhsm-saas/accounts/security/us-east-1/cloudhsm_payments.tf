# CloudHSM cluster payments (hsm2m.medium) in the hsm subnets of VPC hsm (10.40.0.0/27), its HSMs
# round-robin over their AZs. Initialise and activate it by hand after the first apply (see the
# README): Terraform never holds the crypto officer's password.
resource "aws_cloudhsm_v2_cluster" "payments" {
  hsm_type = "hsm2m.medium"
  subnet_ids = [
    aws_subnet.hsm_hsm_a.id,
    aws_subnet.hsm_hsm_b.id,
  ]

  tags = {
    Name = "payments"
  }
}

# payments-1 in us-east-1a
resource "aws_cloudhsm_v2_hsm" "payments_1" {
  cluster_id = aws_cloudhsm_v2_cluster.payments.cluster_id
  subnet_id  = aws_subnet.hsm_hsm_a.id
}

# payments-2 in us-east-1b
resource "aws_cloudhsm_v2_hsm" "payments_2" {
  cluster_id = aws_cloudhsm_v2_cluster.payments.cluster_id
  subnet_id  = aws_subnet.hsm_hsm_b.id
}

# The cluster's own security group (CloudHSM creates it) admits the HSM ports from the clients
# only: nothing else reaches the HSMs.
resource "aws_vpc_security_group_ingress_rule" "payments_app-vpc" {
  security_group_id = aws_cloudhsm_v2_cluster.payments.security_group_id
  description       = "CloudHSM (TCP 2223-2225) from VPC app-vpc"
  ip_protocol       = "tcp"
  from_port         = 2223
  to_port           = 2225
  cidr_ipv4         = "10.50.0.0/20"

  tags = {
    Name = "payments-app-vpc"
  }
}

resource "aws_vpc_security_group_ingress_rule" "payments_saas-acme" {
  security_group_id = aws_cloudhsm_v2_cluster.payments.security_group_id
  description       = "CloudHSM (TCP 2223-2225) from peering saas-acme (vpc-0abc12345678def01, account 999999999999)"
  ip_protocol       = "tcp"
  from_port         = 2223
  to_port           = 2225
  cidr_ipv4         = "192.168.50.0/24"

  tags = {
    Name = "payments-saas-acme"
  }
}

# KMS custom key store payments-cks, second phase: once the cluster is initialised with a CSR
# signed by the trust anchor's CA, activated, and has the kmsuser crypto user, apply with
# TF_VAR_payments_custom_key_store=true and TF_VAR_payments_kmsuser_password from the CI secret
# store, then connect it (aws kms connect-custom-key-store).
resource "aws_kms_custom_key_store" "payments" {
  count = var.payments_custom_key_store ? 1 : 0

  custom_key_store_name    = "payments-cks"
  cloud_hsm_cluster_id     = aws_cloudhsm_v2_cluster.payments.cluster_id
  key_store_password       = var.payments_kmsuser_password
  trust_anchor_certificate = file("${path.module}/payments-trust-anchor.crt")

  depends_on = [
    aws_cloudhsm_v2_hsm.payments_1,
    aws_cloudhsm_v2_hsm.payments_2,
  ]
}
