import { describe, expect, it } from "vitest";
import { analyzeCommand } from "./analyze-command.js";
import { REMOTE_HOME, REMOTE_WORKDIR } from "./remote-side.js";

const ctx = { cwd: "/home/dev/project", projectDir: "/home/dev/project", home: "/home/dev" };
const inner = (command: string) => {
  const found = analyzeCommand(command, ctx).commands.find((c) => c.remote != null);
  return found == null ? undefined : { argv: found.argv, layers: found.layers, remote: found.remote, cwd: found.cwd };
};

describe("commands run on the remote side", () => {
  it.each([
    ["ssh db 'rm -rf /srv/data'", ["rm", "-rf", "/srv/data"], "ssh db"],
    ["ssh -p 2222 -i key.pem admin@db rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "ssh admin@db"],
    ["ssh db -t -- rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "ssh db"],
    ["vagrant ssh -c 'rm -rf /srv/data'", ["rm", "-rf", "/srv/data"], "vagrant ssh"],
    ["gcloud compute ssh vm1 --command='rm -rf /srv/data'", ["rm", "-rf", "/srv/data"], "gcloud compute ssh vm1"],
    ["docker exec -it web rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "docker exec web"],
    ["docker -H tcp://box:2375 container exec -u root web rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "docker exec web"],
    ["podman exec web rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "podman exec web"],
    ["docker compose -f dev.yml exec -T db rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "docker compose exec db"],
    ["docker-compose exec db rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "docker-compose exec db"],
    ["docker compose run --rm -v data:/srv -e X=1 web rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "docker compose run web"],
    ["kubectl -n prod exec -it api-0 -c app -- rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "kubectl exec api-0"],
    ["oc exec deploy/api -- rm -rf /srv/data", ["rm", "-rf", "/srv/data"], "oc exec deploy/api"],
  ])("%j runs %j there, in the layer %j", (command, argv, via) => {
    expect(inner(command)).toMatchObject({ argv, layers: [via], remote: via });
  });

  it("starts an ssh command in the remote home", () => {
    expect(inner("ssh db ls")?.cwd).toBe(REMOTE_HOME);
  });

  it("starts an exec in the container's unknown workdir", () => {
    expect(inner("kubectl exec api -- ls")?.cwd).toBe(REMOTE_WORKDIR);
  });

  it("starts an exec in the workdir it is given", () => {
    expect(inner("docker exec -w /app web ls")?.cwd).toBe("/app");
  });

  it("follows cd on the remote side", () => {
    expect(analyzeCommand("ssh db 'cd /var/lib && ls'", ctx).commands.at(-1)).toMatchObject({ cwd: "/var/lib", remote: "ssh db" });
  });

  it("reads $HOME on the remote side as the remote home", () => {
    expect(inner("ssh db 'rm -rf $HOME/cache'")?.argv).toEqual(["rm", "-rf", `${REMOTE_HOME}/cache`]);
  });

  it("runs what ssh is fed when it is given no command", () => {
    expect(inner("ssh db <<'EOF'\nrm -rf /srv/data\nEOF")?.argv).toEqual(["rm", "-rf", "/srv/data"]);
  });

  it("passes the heredoc fed to ssh on to the command it runs", () => {
    expect(analyzeCommand("ssh db psql <<'EOF'\nDROP TABLE t;\nEOF", ctx).commands.at(-1)?.stdinText).toBe("DROP TABLE t;\n");
  });

  it("passes the local file fed to docker exec on to the command it runs", () => {
    expect(analyzeCommand("docker exec -i db psql < drop.sql", ctx).commands.at(-1)?.stdinFile).toBe("/home/dev/project/drop.sql");
  });

  it("passes the local file piped into kubectl exec on to the command it runs", () => {
    expect(analyzeCommand("cat drop.sql | kubectl exec -i db -- psql", ctx).commands.at(-1)?.stdinFile).toBe("/home/dev/project/drop.sql");
  });

  it("does not take a file redirected on the remote side for a local one", () => {
    expect(analyzeCommand("ssh db 'psql < drop.sql'", ctx).commands.at(-1)?.stdinFile).toBeUndefined();
  });

  it.each(["ssh -N -L 5432:localhost:5432 db", "ssh db", "docker exec web", "kubectl exec api-0", "docker ps", "kubectl get pods"])(
    "%j runs nothing remote",
    (command) => {
      expect(inner(command)).toBeUndefined();
    },
  );
});
