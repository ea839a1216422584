# AWS Managed Microsoft AD corp (corp.example.com, Standard) in VPC identity-vpc of account identity:
# domain controllers in the directory subnets of us-east-1a and us-east-1b.

# One key for the admin password's secret and the directory's security log group.
resource "aws_kms_key" "corp" {
  description             = "Managed AD corp: admin secret and security logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsUsesForTheDirectoryLogGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.us-east-1.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:us-east-1:${local.account_id}:log-group:/aws/directoryservice/corp"
          }
        }
      },
    ]
  })

  tags = {
    Name = "directory-corp"
  }
}

resource "aws_kms_alias" "corp" {
  name          = "alias/lzgen/directory/corp"
  target_key_id = aws_kms_key.corp.key_id
}

# The Admin password is generated at the first apply (uuid() is crypto-random; the suffix
# meets AD's complexity rules) and lives only in this secret and in the encrypted state. It is
# never in the org file, a rendered file or a command line. Rotate it in AD
# (aws ds reset-user-password --user-name Admin) and then put the new value in the secret:
# Terraform ignores later changes to both.
resource "aws_secretsmanager_secret" "corp_admin" {
  # checkov:skip=CKV2_AWS_57: rotation needs a Lambda calling ds:ResetUserPassword, which lzgen does not ship; rotate in AD, then update the secret (the generated README says how)
  name        = "lzgen/directory/corp/admin"
  description = "Admin password of Managed AD corp (corp.example.com)"
  kms_key_id  = aws_kms_key.corp.arn
}

resource "aws_secretsmanager_secret_version" "corp_admin" {
  secret_id     = aws_secretsmanager_secret.corp_admin.id
  secret_string = "${uuid()}-Aa1"

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_directory_service_directory" "corp" {
  type       = "MicrosoftAD"
  edition    = "Standard"
  name       = "corp.example.com"
  short_name = "CORP"
  password   = aws_secretsmanager_secret_version.corp_admin.secret_string

  vpc_settings {
    vpc_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
    subnet_ids = [
      data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][0],
      data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][1],
    ]
  }

  tags = {
    Name = "corp"
  }

  # the password is ForceNew: a change (a rotation in AD) must never replace the directory
  lifecycle {
    ignore_changes = [password]
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_53" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "DNS (TCP 53) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_88" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos (TCP 88) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_135" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "RPC endpoint mapper (TCP 135) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 135
  to_port           = 135
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-135"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAP (TCP 389) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_445" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "SMB (TCP 445) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_464" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos password change (TCP 464) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_636" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAPS (TCP 636) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 636
  to_port           = 636
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-636"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_3268" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Global Catalog (TCP 3268-3269) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 3268
  to_port           = 3269
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-3268-3269"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_9389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "AD Web Services (TCP 9389) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 9389
  to_port           = 9389
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-9389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_tcp_49152" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "RPC dynamic ports (TCP 49152-65535) from vpc-1"
  ip_protocol       = "tcp"
  from_port         = 49152
  to_port           = 65535
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-tcp-49152-65535"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_53" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "DNS (UDP 53) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_88" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos (UDP 88) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_123" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "NTP (UDP 123) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 123
  to_port           = 123
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-123"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_138" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "NetBIOS datagram (DFS, Netlogon) (UDP 138) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 138
  to_port           = 138
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-138"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAP (UDP 389) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_445" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "SMB (UDP 445) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-1_udp_464" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos password change (UDP 464) from vpc-1"
  ip_protocol       = "udp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.0.0.0/16"

  tags = {
    Name = "corp-vpc-1-udp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_53" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "DNS (TCP 53) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_88" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos (TCP 88) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_135" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "RPC endpoint mapper (TCP 135) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 135
  to_port           = 135
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-135"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAP (TCP 389) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_445" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "SMB (TCP 445) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_464" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos password change (TCP 464) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_636" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAPS (TCP 636) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 636
  to_port           = 636
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-636"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_3268" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Global Catalog (TCP 3268-3269) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 3268
  to_port           = 3269
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-3268-3269"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_9389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "AD Web Services (TCP 9389) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 9389
  to_port           = 9389
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-9389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_tcp_49152" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "RPC dynamic ports (TCP 49152-65535) from vpc-2"
  ip_protocol       = "tcp"
  from_port         = 49152
  to_port           = 65535
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-tcp-49152-65535"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_53" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "DNS (UDP 53) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_88" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos (UDP 88) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_123" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "NTP (UDP 123) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 123
  to_port           = 123
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-123"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_138" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "NetBIOS datagram (DFS, Netlogon) (UDP 138) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 138
  to_port           = 138
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-138"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_389" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "LDAP (UDP 389) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_445" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "SMB (UDP 445) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "corp_vpc-2_udp_464" {
  security_group_id = aws_directory_service_directory.corp.security_group_id
  description       = "Kerberos password change (UDP 464) from vpc-2"
  ip_protocol       = "udp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.100.0.0/16"

  tags = {
    Name = "corp-vpc-2-udp-464"
  }
}

# Security logs of the domain controllers.
resource "aws_cloudwatch_log_group" "corp" {
  name              = "/aws/directoryservice/corp"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.corp.arn
}

data "aws_iam_policy_document" "corp_logs" {
  statement {
    sid = "DirectoryServiceWritesThisLogGroup"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.corp.arn}:*"]

    principals {
      type        = "Service"
      identifiers = ["ds.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_cloudwatch_log_resource_policy" "corp" {
  policy_name     = "lzgen-directory-corp"
  policy_document = data.aws_iam_policy_document.corp_logs.json
}

resource "aws_directory_service_log_subscription" "corp" {
  directory_id   = aws_directory_service_directory.corp.id
  log_group_name = aws_cloudwatch_log_group.corp.name

  depends_on = [aws_cloudwatch_log_resource_policy.corp]
}

# Shared with account workloads (HANDSHAKE, accepted in its stack).
resource "aws_directory_service_shared_directory" "corp_workloads" {
  directory_id = aws_directory_service_directory.corp.id
  method       = "HANDSHAKE"

  target {
    id   = data.terraform_remote_state.organization.outputs.account_ids["workloads"]
    type = "ACCOUNT"
  }
}

# DNS: an outbound Resolver endpoint in the domain controllers' subnets forwards queries for
# corp.example.com to the domain controllers; the rule is associated with the VPCs that use it.
resource "aws_security_group" "corp_resolver" {
  name        = "lzgen-directory-corp-resolver"
  description = "Outbound Resolver endpoint of corp: DNS to the domain controllers only"
  vpc_id      = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id

  egress {
    description = "DNS (TCP) to the domain controllers in identity-vpc"
    protocol    = "tcp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["172.31.0.0/16"]
  }

  egress {
    description = "DNS (UDP) to the domain controllers in identity-vpc"
    protocol    = "udp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["172.31.0.0/16"]
  }

  tags = {
    Name = "lzgen-directory-corp-resolver"
  }
}

resource "aws_route53_resolver_endpoint" "corp" {
  name               = "lzgen-directory-corp"
  direction          = "OUTBOUND"
  security_group_ids = [aws_security_group.corp_resolver.id]

  ip_address {
    subnet_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][0]
  }

  ip_address {
    subnet_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][1]
  }

  tags = {
    Name = "lzgen-directory-corp"
  }
}

resource "aws_route53_resolver_rule" "corp" {
  name                 = "lzgen-directory-corp"
  domain_name          = "corp.example.com"
  rule_type            = "FORWARD"
  resolver_endpoint_id = aws_route53_resolver_endpoint.corp.id

  dynamic "target_ip" {
    for_each = sort(aws_directory_service_directory.corp.dns_ip_addresses)

    content {
      ip = target_ip.value
    }
  }

  tags = {
    Name = "lzgen-directory-corp"
  }
}

resource "aws_route53_resolver_rule_association" "corp_identity-vpc" {
  name             = "lzgen-directory-corp-identity-vpc"
  resolver_rule_id = aws_route53_resolver_rule.corp.id
  vpc_id           = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
}

# The rule is shared through AWS RAM with the accounts whose VPCs resolve the domain.
resource "aws_ram_resource_share" "corp_resolver" {
  name                      = "lzgen-directory-corp-resolver"
  allow_external_principals = false

  tags = {
    Name = "lzgen-directory-corp-resolver"
  }
}

resource "aws_ram_resource_association" "corp_resolver" {
  resource_share_arn = aws_ram_resource_share.corp_resolver.arn
  resource_arn       = aws_route53_resolver_rule.corp.arn
}

# account workloads
resource "aws_ram_principal_association" "corp_workloads_resolver" {
  resource_share_arn = aws_ram_resource_share.corp_resolver.arn
  principal          = data.terraform_remote_state.organization.outputs.account_ids["workloads"]
}
