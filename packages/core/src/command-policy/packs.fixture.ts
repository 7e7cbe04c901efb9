/**
 * The rule packs' table: commands each pack must stop, with the decision expected and the rule that
 * must be among the findings, and harmless look-alikes that must be allowed with no finding (the
 * second element names the rule each resembles). Context: cwd = project = /home/dev/project,
 * home = /home/dev; the files `drop.sql`, `seed.sql` and `db/reset.sql` exist there (see the test).
 */

import type { DangerousCase } from "./dangerous-commands.fixture.js";
import type { LookalikeCase } from "./lookalike-commands.fixture.js";

export const PACK_DANGEROUS: readonly DangerousCase[] = [
  // iac.destroy-unattended
  ["terraform destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["terraform destroy --auto-approve", "deny", "iac.destroy-unattended"],
  ["terraform -chdir=infra destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["terraform apply -destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["terraform destroy -auto-approve=true -target=aws_instance.web", "deny", "iac.destroy-unattended"],
  ["yes yes | terraform destroy", "deny", "iac.destroy-unattended"],
  ["echo yes | terraform destroy", "deny", "iac.destroy-unattended"],
  ["terraform destroy <<< yes", "deny", "iac.destroy-unattended"],
  ["tofu destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["terragrunt destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["terragrunt run-all destroy --terragrunt-non-interactive", "deny", "iac.destroy-unattended"],
  ["terragrunt run --all --non-interactive -- destroy", "deny", "iac.destroy-unattended"],
  ["pulumi destroy --yes", "deny", "iac.destroy-unattended"],
  ["pulumi down -y -s prod", "deny", "iac.destroy-unattended"],
  ["pulumi -C infra destroy --skip-preview --yes", "deny", "iac.destroy-unattended"],
  ["cdk destroy --all --force", "deny", "iac.destroy-unattended"],
  ["npx cdk destroy -f ProdStack", "deny", "iac.destroy-unattended"],
  ["cdktf destroy --auto-approve", "deny", "iac.destroy-unattended"],
  ["serverless remove --stage prod", "deny", "iac.destroy-unattended"],
  ["sls remove", "deny", "iac.destroy-unattended"],
  ["sam delete --stack-name app --no-prompts", "deny", "iac.destroy-unattended"],
  ["env TF_LOG=debug terraform destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["sudo terraform destroy -auto-approve", "deny", "iac.destroy-unattended"],
  ["bash -c 'cd infra && terraform destroy -auto-approve'", "deny", "iac.destroy-unattended"],
  ["ssh bastion 'cd /srv/infra && terraform destroy -auto-approve'", "deny", "iac.destroy-unattended"],
  // iac.destroy
  ["terraform destroy", "ask", "iac.destroy"],
  ["terraform destroy -target=module.db", "ask", "iac.destroy"],
  ["terraform apply -destroy", "ask", "iac.destroy"],
  ["tofu destroy", "ask", "iac.destroy"],
  ["terragrunt run-all destroy", "ask", "iac.destroy"],
  ["pulumi destroy", "ask", "iac.destroy"],
  ["pulumi down --stack dev", "ask", "iac.destroy"],
  ["cdk destroy MyStack", "ask", "iac.destroy"],
  ["cdktf destroy", "ask", "iac.destroy"],
  ["sam delete --stack-name app", "ask", "iac.destroy"],
  ["cd infra && terraform destroy", "ask", "iac.destroy"],
  // iac.apply-unattended
  ["terraform apply -auto-approve", "ask", "iac.apply-unattended"],
  ["terraform apply --auto-approve -var env=prod", "ask", "iac.apply-unattended"],
  ["tofu apply -auto-approve", "ask", "iac.apply-unattended"],
  ["terragrunt run-all apply --terragrunt-non-interactive", "ask", "iac.apply-unattended"],
  ["pulumi up --yes", "ask", "iac.apply-unattended"],
  ["pulumi update -y --stack prod", "ask", "iac.apply-unattended"],
  ["cdktf deploy --auto-approve", "ask", "iac.apply-unattended"],
];

export const PACK_LOOKALIKES: readonly LookalikeCase[] = [
  ["terraform plan", "iac.destroy"],
  ["terraform plan -destroy -out=destroy.tfplan", "iac.destroy"],
  ["terraform destroy -help", "iac.destroy"],
  ["terraform -help destroy", "iac.destroy"],
  ["terraform state list", "iac.destroy"],
  ['grep -rn "terraform destroy" docs/', "iac.destroy"],
  ['echo "run terraform destroy when done"', "iac.destroy"],
  ["pulumi preview", "iac.destroy"],
  ["pulumi destroy --preview-only", "iac.destroy"],
  ["cdk diff", "iac.destroy"],
  ["cdk synth", "iac.destroy"],
  ["terraform destroy -auto-approve -help", "iac.destroy-unattended"],
  ['git commit -m "terraform destroy -auto-approve is now blocked"', "iac.destroy-unattended"],
  ["pulumi stack ls", "iac.destroy-unattended"],
  ["serverless deploy --stage dev", "iac.destroy-unattended"],
  ["sam deploy --guided", "iac.destroy-unattended"],
  ["terraform apply", "iac.apply-unattended"],
  ["terraform apply destroy.tfplan", "iac.apply-unattended"],
  ["terraform init -upgrade", "iac.apply-unattended"],
  ["terraform fmt -recursive", "iac.apply-unattended"],
  ["pulumi up", "iac.apply-unattended"],
  ["cdk deploy", "iac.apply-unattended"],
];
