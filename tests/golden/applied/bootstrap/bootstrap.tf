# The bootstrap: what every other stack needs before its first init. Apply it first, with the
# management account's own administrator credentials (README, First apply).

# The pipeline role: every stack runs as it. In the management account it acts directly; in a
# member account it assumes the deployer role (lzgen-deployer), which trusts only this role.
resource "aws_iam_role" "pipeline" {
  name                 = "lzgen-pipeline"
  description          = "Runs the lzgen stacks of applied"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Operators"
        Effect    = "Allow"
        Principal = { AWS = ["arn:aws:iam::123456789012:role/PlatformAdmin"] }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

# Deploying a landing zone means creating the organization, its policies, roles, keys and
# networks: the pipeline role administers the management account. What is narrow is who may
# assume it (above), and the deployer role in member accounts trusts only it.
resource "aws_iam_role_policy_attachment" "pipeline_administrator" {
  # checkov:skip=CKV_AWS_274: the one role that deploys the landing zone administers the management account; its trust (named roles or CI's OIDC subjects, one-hour sessions) is what is narrow
  role       = aws_iam_role.pipeline.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
