{%- import "backend/ts/templates/macros.askama" as m -%}
{% call m::header("The Durable Objects of the crate and the values their methods take and
return. Types follow serde's wire format; see docs/typescript.md in dogen.") %}{% endcall %}
{%- if !imports.is_empty() %}

{{ imports }}
{%- endif %}

{{ durable_result }}
{%- for item in interfaces %}

{{ item }}
{%- endfor %}
{%- for item in types %}

{{ item }}
{%- endfor %}

