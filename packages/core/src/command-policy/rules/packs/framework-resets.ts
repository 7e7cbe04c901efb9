import type { SimpleCommand } from "../../command-types.js";
import { runProgram } from "./pack-words.js";

/**
 * Framework commands that drop and recreate (or empty) the application's database: Rails'
 * `db:drop` / `db:reset`, `prisma migrate reset`, Django's `flush`, Laravel's `migrate:fresh`,
 * Ecto's `ecto.reset`, `supabase db reset`, `dotnet ef database drop`, TypeORM's `schema:drop`.
 */

const RAILS_TASKS = new Set([
  "db:drop",
  "db:drop:all",
  "db:reset",
  "db:migrate:reset",
  "db:schema:load",
  "db:purge",
  "db:truncate_all",
  "db:seed:replant",
]);
const ARTISAN_TASKS = new Set(["migrate:fresh", "migrate:reset", "migrate:refresh", "db:wipe"]);
const ECTO_TASKS = new Set(["ecto.drop", "ecto.reset"]);
const DJANGO_TASKS = new Set(["flush", "reset_db"]);
const TOOLS = new Set(["rails", "rake", "prisma", "sequelize", "sequelize-cli", "typeorm", "supabase", "django-admin"]);
const PYTHON = /^python[0-9.]*$/;

/** The reset it runs, as its framework names it (`rails db:reset`); undefined when it runs none. */
export function findFrameworkReset(cmd: SimpleCommand): string | undefined {
  const { name, args } = runProgram(cmd, TOOLS);
  if (args.some((a) => a === "--help" || a === "-h")) return undefined;
  const task = (tasks: ReadonlySet<string>): string | undefined => args.find((a) => tasks.has(a));
  switch (name) {
    case "rails":
    case "rake": {
      const found = task(RAILS_TASKS);
      return found == null ? undefined : `${name} ${found}`;
    }
    case "prisma":
      if (args[0] === "migrate" && args[1] === "reset") return "prisma migrate reset";
      return args[0] === "db" && args[1] === "push" && args.includes("--force-reset") ? "prisma db push --force-reset" : undefined;
    case "sequelize":
    case "sequelize-cli":
      return args[0] === "db:drop" ? `${name} db:drop` : undefined;
    case "typeorm":
      return args[0] === "schema:drop" ? "typeorm schema:drop" : undefined;
    case "supabase":
      return args[0] === "db" && args[1] === "reset" ? "supabase db reset" : undefined;
    case "dotnet":
      return args[0] === "ef" && args[1] === "database" && args[2] === "drop" ? "dotnet ef database drop" : undefined;
    case "mix": {
      const found = task(ECTO_TASKS);
      return found == null ? undefined : `mix ${found}`;
    }
    case "artisan":
      return findArtisanReset(args);
    case "php":
      return args[0]?.endsWith("artisan") === true ? findArtisanReset(args.slice(1)) : undefined;
    default:
      return findDjangoReset(name, args);
  }
}

function findArtisanReset(args: readonly string[]): string | undefined {
  const found = args.find((a) => ARTISAN_TASKS.has(a));
  return found == null ? undefined : `artisan ${found}`;
}

/** `python manage.py flush`, `./manage.py flush`, `django-admin flush`, `python -m django flush`. */
function findDjangoReset(name: string, args: readonly string[]): string | undefined {
  let rest: readonly string[] | undefined;
  if (name === "manage.py" || name === "django-admin") rest = args;
  else if (PYTHON.test(name)) {
    const script = args.findIndex((a) => a.endsWith("manage.py") || a === "django");
    if (script >= 0 && (args[script] !== "django" || args[script - 1] === "-m")) rest = args.slice(script + 1);
  }
  const found = rest?.find((a) => !a.startsWith("-"));
  return found != null && DJANGO_TASKS.has(found) ? `django ${found}` : undefined;
}
