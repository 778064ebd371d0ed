{%- import "backend/ts/templates/macros.askama" as m -%}
{% call m::header("The crate's Durable Object namespaces on `Env`. Each binding's type is written
once, on `Cloudflare.Env`, which types the `env` of `import { env } from
\"cloudflare:workers\"`; the global `Env` (what handlers' `env` argument is
usually typed as) refers to it. Each type is `DurableObjectNamespace<T> &
DurableObjectNamespace`, so it merges with what `wrangler types` declares for
the same binding. (The global `Env` does not `extends Cloudflare.Env`: the
`Env` of `wrangler types` extends a base of its own, and TypeScript refuses
two bases that type one binding differently.)") %}{% endcall %}
{{ import }}

declare global {
  namespace Cloudflare {
    interface Env {
{%- for item in bindings %}
      {{ item }}
{%- endfor %}
    }
  }

  interface Env {
{%- for item in references %}
    {{ item }}
{%- endfor %}
  }
}
