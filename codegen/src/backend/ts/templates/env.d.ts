{%- import "ts/templates/macros.askama" as m -%}
{% call m::header("The crate's Durable Object namespaces on `Env`: `Cloudflare.Env` types the
`env` of `import { env } from \"cloudflare:workers\"`, and the global `Env` is
what handlers' `env` argument is usually typed as. Each binding is
`DurableObjectNamespace<T> & DurableObjectNamespace`, so it merges with what
`wrangler types` declares for the same binding.") %}{% endcall %}
{{ import }}

declare global {
  namespace Cloudflare {
    interface Env {
{%- for item in namespaced %}
      {{ item }}
{%- endfor %}
    }
  }

  interface Env {
{%- for item in global %}
    {{ item }}
{%- endfor %}
  }
}

