# AWS Managed Microsoft AD acme (ad.acme.example, Standard) in VPC identity-vpc of account identity:
# domain controllers in the directory subnets of us-east-1a and us-east-1b.

# One key for the admin password's secret and the directory's security log group.
resource "aws_kms_key" "acme" {
  description             = "Managed AD acme: admin secret and security logs"
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
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:us-east-1:${local.account_id}:log-group:/aws/directoryservice/acme"
          }
        }
      },
    ]
  })

  tags = {
    Name = "directory-acme"
  }
}

resource "aws_kms_alias" "acme" {
  name          = "alias/lzgen/directory/acme"
  target_key_id = aws_kms_key.acme.key_id
}

# The Admin password is generated at the first apply (uuid() is crypto-random; the suffix
# meets AD's complexity rules) and lives only in this secret and in the encrypted state. It is
# never in the org file, a rendered file or a command line. Rotate it in AD
# (aws ds reset-user-password --user-name Admin) and then put the new value in the secret:
# Terraform ignores later changes to both.
resource "aws_secretsmanager_secret" "acme_admin" {
  # checkov:skip=CKV2_AWS_57: rotation needs a Lambda calling ds:ResetUserPassword, which lzgen does not ship; rotate in AD, then update the secret (the generated README says how)
  name        = "lzgen/directory/acme/admin"
  description = "Admin password of Managed AD acme (ad.acme.example)"
  kms_key_id  = aws_kms_key.acme.arn
}

resource "aws_secretsmanager_secret_version" "acme_admin" {
  secret_id     = aws_secretsmanager_secret.acme_admin.id
  secret_string = "${uuid()}-Aa1"

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_directory_service_directory" "acme" {
  type       = "MicrosoftAD"
  edition    = "Standard"
  name       = "ad.acme.example"
  short_name = "ACME"
  password   = aws_secretsmanager_secret_version.acme_admin.secret_string

  vpc_settings {
    vpc_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
    subnet_ids = [
      data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][0],
      data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][1],
    ]
  }

  tags = {
    Name = "acme"
  }

  # the password is ForceNew: a change (a rotation in AD) must never replace the directory
  lifecycle {
    ignore_changes = [password]
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (TCP 53) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (TCP 88) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_135" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC endpoint mapper (TCP 135) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 135
  to_port           = 135
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-135"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (TCP 389) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (TCP 445) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (TCP 464) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_636" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAPS (TCP 636) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 636
  to_port           = 636
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-636"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_3268" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Global Catalog (TCP 3268-3269) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 3268
  to_port           = 3269
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-3268-3269"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_9389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "AD Web Services (TCP 9389) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 9389
  to_port           = 9389
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-9389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_tcp_49152" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC dynamic ports (TCP 49152-65535) from app-a-vpc"
  ip_protocol       = "tcp"
  from_port         = 49152
  to_port           = 65535
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-tcp-49152-65535"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (UDP 53) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (UDP 88) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_123" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NTP (UDP 123) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 123
  to_port           = 123
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-123"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_138" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NetBIOS datagram (DFS, Netlogon) (UDP 138) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 138
  to_port           = 138
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-138"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (UDP 389) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (UDP 445) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-a-vpc_udp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (UDP 464) from app-a-vpc"
  ip_protocol       = "udp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.20.0.0/20"

  tags = {
    Name = "acme-app-a-vpc-udp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (TCP 53) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (TCP 88) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_135" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC endpoint mapper (TCP 135) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 135
  to_port           = 135
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-135"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (TCP 389) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (TCP 445) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (TCP 464) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_636" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAPS (TCP 636) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 636
  to_port           = 636
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-636"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_3268" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Global Catalog (TCP 3268-3269) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 3268
  to_port           = 3269
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-3268-3269"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_9389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "AD Web Services (TCP 9389) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 9389
  to_port           = 9389
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-9389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_tcp_49152" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC dynamic ports (TCP 49152-65535) from app-b-vpc"
  ip_protocol       = "tcp"
  from_port         = 49152
  to_port           = 65535
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-tcp-49152-65535"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (UDP 53) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (UDP 88) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_123" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NTP (UDP 123) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 123
  to_port           = 123
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-123"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_138" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NetBIOS datagram (DFS, Netlogon) (UDP 138) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 138
  to_port           = 138
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-138"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (UDP 389) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (UDP 445) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_app-b-vpc_udp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (UDP 464) from app-b-vpc"
  ip_protocol       = "udp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.21.0.0/20"

  tags = {
    Name = "acme-app-b-vpc-udp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (TCP 53) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (TCP 88) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_135" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC endpoint mapper (TCP 135) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 135
  to_port           = 135
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-135"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (TCP 389) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (TCP 445) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (TCP 464) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-464"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_636" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAPS (TCP 636) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 636
  to_port           = 636
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-636"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_3268" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Global Catalog (TCP 3268-3269) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 3268
  to_port           = 3269
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-3268-3269"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_9389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "AD Web Services (TCP 9389) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 9389
  to_port           = 9389
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-9389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_tcp_49152" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "RPC dynamic ports (TCP 49152-65535) from dev-vpc"
  ip_protocol       = "tcp"
  from_port         = 49152
  to_port           = 65535
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-tcp-49152-65535"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_53" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "DNS (UDP 53) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-53"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_88" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos (UDP 88) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 88
  to_port           = 88
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-88"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_123" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NTP (UDP 123) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 123
  to_port           = 123
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-123"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_138" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "NetBIOS datagram (DFS, Netlogon) (UDP 138) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 138
  to_port           = 138
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-138"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_389" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "LDAP (UDP 389) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 389
  to_port           = 389
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-389"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_445" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "SMB (UDP 445) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-445"
  }
}

resource "aws_vpc_security_group_ingress_rule" "acme_dev-vpc_udp_464" {
  security_group_id = aws_directory_service_directory.acme.security_group_id
  description       = "Kerberos password change (UDP 464) from dev-vpc"
  ip_protocol       = "udp"
  from_port         = 464
  to_port           = 464
  cidr_ipv4         = "10.22.0.0/20"

  tags = {
    Name = "acme-dev-vpc-udp-464"
  }
}

# Security logs of the domain controllers.
resource "aws_cloudwatch_log_group" "acme" {
  name              = "/aws/directoryservice/acme"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.acme.arn
}

data "aws_iam_policy_document" "acme_logs" {
  statement {
    sid = "DirectoryServiceWritesThisLogGroup"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.acme.arn}:*"]

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

resource "aws_cloudwatch_log_resource_policy" "acme" {
  policy_name     = "lzgen-directory-acme"
  policy_document = data.aws_iam_policy_document.acme_logs.json
}

resource "aws_directory_service_log_subscription" "acme" {
  directory_id   = aws_directory_service_directory.acme.id
  log_group_name = aws_cloudwatch_log_group.acme.name

  depends_on = [aws_cloudwatch_log_resource_policy.acme]
}

# Shared with account app-a (HANDSHAKE, accepted in its stack).
resource "aws_directory_service_shared_directory" "acme_app-a" {
  directory_id = aws_directory_service_directory.acme.id
  method       = "HANDSHAKE"

  target {
    id   = "444444444444"
    type = "ACCOUNT"
  }
}

# Shared with account app-b (HANDSHAKE, accepted in its stack).
resource "aws_directory_service_shared_directory" "acme_app-b" {
  directory_id = aws_directory_service_directory.acme.id
  method       = "HANDSHAKE"

  target {
    id   = data.terraform_remote_state.organization.outputs.account_ids["app-b"]
    type = "ACCOUNT"
  }
}

# Shared with account dev (HANDSHAKE, accepted in its stack).
resource "aws_directory_service_shared_directory" "acme_dev" {
  directory_id = aws_directory_service_directory.acme.id
  method       = "HANDSHAKE"

  target {
    id   = data.terraform_remote_state.organization.outputs.account_ids["dev"]
    type = "ACCOUNT"
  }
}

# DNS: an outbound Resolver endpoint in the domain controllers' subnets forwards queries for
# ad.acme.example to the domain controllers; the rule is associated with the VPCs that use it.
resource "aws_security_group" "acme_resolver" {
  name        = "lzgen-directory-acme-resolver"
  description = "Outbound Resolver endpoint of acme: DNS to the domain controllers only"
  vpc_id      = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id

  egress {
    description = "DNS (TCP) to the domain controllers in identity-vpc"
    protocol    = "tcp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["10.45.0.0/24"]
  }

  egress {
    description = "DNS (UDP) to the domain controllers in identity-vpc"
    protocol    = "udp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["10.45.0.0/24"]
  }

  tags = {
    Name = "lzgen-directory-acme-resolver"
  }
}

resource "aws_route53_resolver_endpoint" "acme" {
  name               = "lzgen-directory-acme"
  direction          = "OUTBOUND"
  security_group_ids = [aws_security_group.acme_resolver.id]

  ip_address {
    subnet_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][0]
  }

  ip_address {
    subnet_id = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_subnet_ids["directory"][1]
  }

  tags = {
    Name = "lzgen-directory-acme"
  }
}

resource "aws_route53_resolver_rule" "acme" {
  name                 = "lzgen-directory-acme"
  domain_name          = "ad.acme.example"
  rule_type            = "FORWARD"
  resolver_endpoint_id = aws_route53_resolver_endpoint.acme.id

  dynamic "target_ip" {
    for_each = sort(aws_directory_service_directory.acme.dns_ip_addresses)

    content {
      ip = target_ip.value
    }
  }

  tags = {
    Name = "lzgen-directory-acme"
  }
}

resource "aws_route53_resolver_rule_association" "acme_identity-vpc" {
  name             = "lzgen-directory-acme-identity-vpc"
  resolver_rule_id = aws_route53_resolver_rule.acme.id
  vpc_id           = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
}

# The rule is shared through AWS RAM with the accounts whose VPCs resolve the domain.
resource "aws_ram_resource_share" "acme_resolver" {
  name                      = "lzgen-directory-acme-resolver"
  allow_external_principals = false

  tags = {
    Name = "lzgen-directory-acme-resolver"
  }
}

resource "aws_ram_resource_association" "acme_resolver" {
  resource_share_arn = aws_ram_resource_share.acme_resolver.arn
  resource_arn       = aws_route53_resolver_rule.acme.arn
}

# account app-a
resource "aws_ram_principal_association" "acme_app-a_resolver" {
  resource_share_arn = aws_ram_resource_share.acme_resolver.arn
  principal          = "444444444444"
}

# account app-b
resource "aws_ram_principal_association" "acme_app-b_resolver" {
  resource_share_arn = aws_ram_resource_share.acme_resolver.arn
  principal          = data.terraform_remote_state.organization.outputs.account_ids["app-b"]
}

# account dev
resource "aws_ram_principal_association" "acme_dev_resolver" {
  resource_share_arn = aws_ram_resource_share.acme_resolver.arn
  principal          = data.terraform_remote_state.organization.outputs.account_ids["dev"]
}
