/**
 * The cloud CLI commands that delete, by CLI and by how much is lost (see cloud-deletions.ts).
 * Each entry is the command's words up to its verb; `*` ends a prefix (`iam delete-*`).
 */

import type { VerbTable } from "./verb-table.js";

/** A whole project or resource group; data; a whole environment (cluster, stack, DNS zone); one resource. */
export type CloudTier = "project" | "data" | "environment" | "resource";

export type CloudTable = VerbTable<CloudTier>;

/** `service operation`. */
export const AWS_DELETIONS: CloudTable = {
  project: ["organizations delete-organization", "organizations close-account"],
  data: [
    "rds delete-db-instance",
    "rds delete-db-cluster",
    "rds delete-db-snapshot",
    "rds delete-db-cluster-snapshot",
    "rds delete-global-cluster",
    "dynamodb delete-table",
    "dynamodb delete-backup",
    "kms schedule-key-deletion",
    "ec2 delete-volume",
    "ec2 delete-snapshot",
    "efs delete-file-system",
    "backup delete-backup-vault",
    "backup delete-recovery-point",
    "glacier delete-vault",
    "redshift delete-cluster",
    "docdb delete-db-cluster",
    "neptune delete-db-cluster",
    "opensearch delete-domain",
    "es delete-elasticsearch-domain",
    "cognito-idp delete-user-pool",
    "kinesis delete-stream",
    "timestream-write delete-database",
    "keyspaces delete-keyspace",
  ],
  environment: [
    "cloudformation delete-stack",
    "cloudformation delete-stack-set",
    "eks delete-cluster",
    "route53 delete-hosted-zone",
    "elasticbeanstalk terminate-environment",
  ],
  resource: [
    "ec2 terminate-instances",
    "ec2 delete-vpc",
    "lambda delete-function",
    "iam delete-*",
    "ecs delete-cluster",
    "ecs delete-service",
    "eks delete-nodegroup",
    "sqs delete-queue",
    "sqs purge-queue",
    "sns delete-topic",
    "elasticache delete-cache-cluster",
    "elasticache delete-replication-group",
    "logs delete-log-group",
    "cloudfront delete-distribution",
    "elbv2 delete-load-balancer",
    "elb delete-load-balancer",
    "autoscaling delete-auto-scaling-group",
    "ecr delete-repository",
    "secretsmanager delete-secret",
    "ssm delete-parameter",
    "ssm delete-parameters",
    "s3api delete-bucket",
    "stepfunctions delete-state-machine",
    "apigateway delete-rest-api",
    "apigatewayv2 delete-api",
  ],
};

/** Command groups and verb, as typed after `gcloud` (release tracks like `beta` left out). */
export const GCLOUD_DELETIONS: CloudTable = {
  project: ["projects delete"],
  data: [
    "sql instances delete",
    "sql databases delete",
    "spanner instances delete",
    "spanner databases delete",
    "bigtable instances delete",
    "firestore databases delete",
    "alloydb clusters delete",
    "compute disks delete",
    "compute snapshots delete",
    "filestore instances delete",
    "secrets delete",
    "kms keys versions destroy",
    "artifacts repositories delete",
  ],
  environment: ["container clusters delete", "dns managed-zones delete", "deployment-manager deployments delete"],
  resource: [
    "compute instances delete",
    "compute networks delete",
    "compute instance-groups managed delete",
    "compute images delete",
    "container node-pools delete",
    "functions delete",
    "run services delete",
    "app services delete",
    "iam service-accounts delete",
    "pubsub topics delete",
    "pubsub subscriptions delete",
    "redis instances delete",
    "storage buckets delete",
    "composer environments delete",
  ],
};

export const AZ_DELETIONS: CloudTable = {
  project: ["group delete", "account management-group delete"],
  data: [
    "storage account delete",
    "storage container delete",
    "storage share delete",
    "storage blob delete-batch",
    "sql db delete",
    "sql server delete",
    "sql mi delete",
    "cosmosdb delete",
    "cosmosdb sql database delete",
    "cosmosdb sql container delete",
    "cosmosdb mongodb database delete",
    "postgres server delete",
    "postgres flexible-server delete",
    "mysql server delete",
    "mysql flexible-server delete",
    "keyvault purge",
    "disk delete",
    "snapshot delete",
    "backup vault delete",
    "acr delete",
  ],
  environment: ["aks delete", "network dns zone delete", "network private-dns zone delete"],
  resource: [
    "vm delete",
    "vmss delete",
    "webapp delete",
    "functionapp delete",
    "containerapp delete",
    "appservice plan delete",
    "network vnet delete",
    "keyvault delete",
    "redis delete",
    "aks nodepool delete",
    "ad app delete",
    "ad sp delete",
    "ad user delete",
    "ad group delete",
    "resource delete",
  ],
};

export const DOCTL_DELETIONS: CloudTable = {
  project: [],
  data: ["databases delete", "databases db delete", "compute volume delete", "compute snapshot delete", "registry delete"],
  environment: ["kubernetes cluster delete", "compute domain delete"],
  resource: [
    "compute droplet delete",
    "apps delete",
    "compute load-balancer delete",
    "compute firewall delete",
    "kubernetes cluster node-pool delete",
  ],
};
