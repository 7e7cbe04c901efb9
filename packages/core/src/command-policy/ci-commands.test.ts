import { describe, expect, it } from "vitest";
import { readCommandCorpus, stoppedCommands } from "./command-corpus.fixture.js";

/**
 * False stops on real DevOps and CI commands: `run:` steps, Makefile recipes, deploy scripts and the
 * docs of devops tools from public repositories (cloud CLIs, kubectl/helm, terraform/pulumi,
 * docker/podman, databases, secret managers, queues, backups, object stores, PaaS CLIs, gh, curl,
 * systemctl, rsync/scp/ssh). The stops that are right are listed with why; any other stop is a
 * false one.
 */

const corpus = readCommandCorpus("ci-commands.json");

/** Commands of the corpus the guard should stop, and why. */
const INTENDED_STOPS: Readonly<Record<string, string>> = {
  "pulumi stack rm dev": "deletes the stack's state and history: asked",
  'kubectl get secret denny-cluster-kubeconfig -o jsonpath="{.data.value}"': "prints a secret's value into the session: asked",
  "op read op://dev/db/password": "prints a password from 1Password into the session: asked",
  "kubectl -n my-ns delete po,svc --all": "deletes every pod and service of a namespace",
  "kubectl delete pvc -l app=wordpress": "deletes volume claims, and with them the data",
  "kubectl drain $NODE_NAME": "evicts every pod from a node",
  "kubectl apply --prune -f manifest.yaml --all --prune-whitelist=core/v1/ConfigMap": "deletes every ConfigMap not in the file",
  "helm uninstall demo-release": "deletes every resource of a release",
  "helm delete --purge demo": "the same, with its history",
  "docker rmi $(docker images -q)": "deletes every image on the machine: asked",
  "docker-compose down -v": "deletes the compose volumes and the data in them: asked",
  "borg prune --list --match-archives 'sh:{hostname}-*' --show-rc --keep-daily 7 --keep-weekly 4 --keep-monthly 6":
    "deletes backup archives outside the retention window",
  "borg compact": "makes earlier archive deletions permanent (borg 2 can undelete until compact): asked",
  "gcloud -q compute instances delete controller-0 controller-1 controller-2 worker-0 worker-1 worker-2 --zone $(gcloud config get-value compute/zone)":
    "deletes cloud instances, -q skipping gcloud's own prompt: asked",
  "gcloud -q compute forwarding-rules delete kubernetes-forwarding-rule --region $(gcloud config get-value compute/region)":
    "deletes a cloud resource: asked",
  "gcloud -q compute target-pools delete kubernetes-target-pool": "the same",
  "gcloud -q compute addresses delete kubernetes-the-hard-way": "the same (a reserved public address is lost)",
  "gcloud -q compute firewall-rules delete kubernetes-the-hard-way-allow-nginx-service kubernetes-the-hard-way-allow-internal kubernetes-the-hard-way-allow-external kubernetes-the-hard-way-allow-health-check":
    "the same",
  "gcloud -q compute networks subnets delete kubernetes": "the same",
  "gcloud -q compute networks delete kubernetes-the-hard-way": "the same",
  "doctl kubernetes cluster delete devops": "deletes a whole Kubernetes cluster",
  "pulumi destroy": "destroys every resource of the stack",
  "terraform apply -auto-approve": "changes go live unseen; asked by design",
  'terraform apply --var-file="./config/terraform.tfvars" --auto-approve': "the same",
  "aws s3 sync --delete --cache-control max-age=2592000,public ./build/ s3://$S3":
    "aws s3 sync --delete: deletes at the destination; asked by design",
  'aws s3 sync --delete ./root/$1/dist "s3://$2" --exclude releases && aws cloudfront create-invalidation --paths "/*" --distribution-id $3':
    "the same",
  "rsync -arve \"ssh $SSH_OPTIONS\" --no-perms --no-owner --no-group --delete --exclude='.git' --exclude='index.html' dist/ root@$DEPLOY_HOST:/var/www/html/spacex-monitor":
    "rsync --delete: deletes on the remote host whatever dist/ lacks; asked by design",
  'rsync -e "ssh -o LogLevel=error -o StrictHostKeyChecking=no -p $SERVER_PORT" -r --delete-after $WORK_DIR/dist/ $SERVER_USER@$SERVER:$DEPLOY_DIR':
    "the same",
  "rclone sync /home/ mullertec:/mullertec/": "rclone sync deletes at the destination whatever /home lacks",
  '/usr/bin/time /usr/bin/rclone sync -vv --exclude "/logs/" --dump headers --fast-list --size-only --log-file=/logdir/sync-log-daily-${dt}.log --transfers 2 --s3-chunk-size 16M /mnt/borgdirectory remote:bucket-name > /logdir/sync-time-daily-${dt}.out 2>&1':
    "the same, for a bucket",
};

describe("the DevOps and CI command corpus", () => {
  it("holds over six hundred real commands", () => {
    expect(corpus.length).toBeGreaterThan(600);
  });

  it("is stopped only where stopping is right", () => {
    expect(stoppedCommands(corpus)).toEqual(Object.keys(INTENDED_STOPS).toSorted());
  });
});
