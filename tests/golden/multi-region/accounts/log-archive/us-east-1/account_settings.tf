# Account baseline and settings: the floor every account gets (less its opt-outs in
# account_settings) and the settings account_settings turns on.

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

# New instances require IMDSv2 session tokens unless their launch says otherwise.
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
  http_endpoint               = "enabled"
  instance_metadata_tags      = "disabled"
}

resource "aws_ebs_snapshot_block_public_access" "this" {
  state = "block-all-sharing"
}

resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

# The default VPC of us-east-1 is removed, once: Terraform cannot delete a default VPC
# (aws_default_vpc only adopts one), so a runbook of lzgen's does it, run by State Manager when
# the association is made. It removes a default VPC only when no network interface is in it,
# and fails otherwise (so does the apply): move what runs there, or opt the account out.
resource "aws_ssm_document" "default_vpc_removal" {
  name            = "lzgen-remove-default-vpc"
  document_type   = "Automation"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "0.3"
    description   = "Removes this region's default VPC (its internet gateway and subnets first) when no network interface is in it."
    assumeRole    = "{{ AutomationAssumeRole }}"
    parameters = {
      AutomationAssumeRole = { type = "AWS::IAM::Role::Arn", description = "The role the runbook acts as." }
    }
    mainSteps = [
      {
        name   = "RemoveDefaultVpc"
        action = "aws:executeScript"
        inputs = {
          Runtime = "python3.11"
          Handler = "handler"
          Script  = <<-PYTHON
            import boto3


            def handler(events, context):
                ec2 = boto3.client("ec2")
                default = [{"Name": "isDefault", "Values": ["true"]}]
                removed = []
                for vpc in ec2.describe_vpcs(Filters=default)["Vpcs"]:
                    vpc_id = vpc["VpcId"]
                    in_vpc = [{"Name": "vpc-id", "Values": [vpc_id]}]
                    used = ec2.describe_network_interfaces(Filters=in_vpc)["NetworkInterfaces"]
                    if used:
                        raise RuntimeError(
                            "default VPC " + vpc_id + " has " + str(len(used))
                            + " network interfaces: not removed"
                        )
                    attached = [{"Name": "attachment.vpc-id", "Values": [vpc_id]}]
                    for gateway in ec2.describe_internet_gateways(Filters=attached)["InternetGateways"]:
                        gateway_id = gateway["InternetGatewayId"]
                        ec2.detach_internet_gateway(InternetGatewayId=gateway_id, VpcId=vpc_id)
                        ec2.delete_internet_gateway(InternetGatewayId=gateway_id)
                    for subnet in ec2.describe_subnets(Filters=in_vpc)["Subnets"]:
                        ec2.delete_subnet(SubnetId=subnet["SubnetId"])
                    ec2.delete_vpc(VpcId=vpc_id)
                    removed.append(vpc_id)
                return {"removed": removed}
          PYTHON
        }
      },
    ]
  })
}

locals {
  # this account, from the runbook's ARN (known at apply; nothing is looked up at plan)
  default_vpc_removal_account = split(":", aws_ssm_document.default_vpc_removal.arn)[4]
}

resource "aws_iam_role" "default_vpc_removal" {
  name        = "lzgen-default-vpc-removal-us-east-1"
  description = "Removes the default VPC of us-east-1 (lzgen's runbook)"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ssm.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.default_vpc_removal_account }
          ArnLike = {
            "aws:SourceArn" = "arn:aws:ssm:us-east-1:${local.default_vpc_removal_account}:automation-execution/*"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "default_vpc_removal" {
  name = "remove-default-vpc"
  role = aws_iam_role.default_vpc_removal.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid = "FindTheDefaultVpc"
        Action = [
          "ec2:DescribeInternetGateways",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcs",
        ]
        Effect   = "Allow"
        Resource = "*"
      },
      {
        Sid = "RemoveItInThisRegion"
        Action = [
          "ec2:DeleteInternetGateway",
          "ec2:DeleteSubnet",
          "ec2:DeleteVpc",
          "ec2:DetachInternetGateway",
        ]
        Effect = "Allow"
        Resource = [
          "arn:aws:ec2:us-east-1:${local.default_vpc_removal_account}:internet-gateway/*",
          "arn:aws:ec2:us-east-1:${local.default_vpc_removal_account}:subnet/*",
          "arn:aws:ec2:us-east-1:${local.default_vpc_removal_account}:vpc/*",
        ]
      },
    ]
  })
}

# No schedule: State Manager runs the runbook once, when the association is made; the apply
# waits for it and fails with it.
resource "aws_ssm_association" "default_vpc_removal" {
  name                             = aws_ssm_document.default_vpc_removal.name
  association_name                 = "lzgen-remove-default-vpc"
  apply_only_at_cron_interval      = false
  wait_for_success_timeout_seconds = 600
  parameters = {
    AutomationAssumeRole = aws_iam_role.default_vpc_removal.arn
  }

  depends_on = [aws_iam_role_policy.default_vpc_removal]
}
