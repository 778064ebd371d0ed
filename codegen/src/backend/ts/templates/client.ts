{%- import "backend/ts/templates/macros.askama" as m -%}
{% call m::header("Clients for the crate's Durable Objects over their `fetch`, in dogen's wire
format (`POST /__dogen/v1/call/<wireName>`, see docs/protocol.md in dogen),
for Workers that call the objects through `stub.fetch` rather than RPC.
Methods have the types of index.ts: a `Result<T, E>` method resolves to a
`DurableResult`, and a call that did not produce a value throws a
`DogenProtocolError`.") %}{% endcall %}
{{ import }}
{% if over_fetch -%}
import {
  dogenClient,
  type DogenFetcher,
  type OverFetch,
  type Replies,
} from "./runtime.js";
{%- else -%}
import { dogenClient, type DogenFetcher, type Replies } from "./runtime.js";
{%- endif %}

export {
  DogenProtocolError,
  type DogenFetcher,
  type DogenProtocolErrorKind,
} from "./runtime.js";
{%- for item in clients %}

{{ item }}
{%- endfor %}

