# ECS cluster apps: Fargate, Container Insights enabled. Services of this account
# run here (ECS clusters are not shared across accounts).

# ECS Exec sessions and their logs are encrypted with this key.
resource "aws_kms_key" "ecs_apps" {
  description             = "ECS cluster apps: ECS Exec sessions and logs"
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
        Sid       = "ExecLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.us-east-1.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:us-east-1:${local.account_id}:log-group:/aws/ecs/apps/exec"
          }
        }
      },
    ]
  })
}

resource "aws_kms_alias" "ecs_apps" {
  name          = "alias/lzgen/ecs/apps"
  target_key_id = aws_kms_key.ecs_apps.key_id
}

resource "aws_cloudwatch_log_group" "ecs_apps_exec" {
  name              = "/aws/ecs/apps/exec"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.ecs_apps.arn
}

resource "aws_ecs_cluster" "ecs_apps" {
  name = "apps"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.ecs_apps.arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.ecs_apps_exec.name
      }
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "ecs_apps" {
  cluster_name       = aws_ecs_cluster.ecs_apps.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
}
