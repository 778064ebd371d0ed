//! The TypeScript backend: `index.ts` (the serde types and a branded
//! Durable Object type per trait), `env.d.ts` (the bindings on `Env`) and
//! `client.ts` (a client for the fetch wire format).
//!
//! Items are laid out by [`doc`], as Prettier would format them; the
//! templates in `templates/ts/` put them in files.

pub mod doc;
pub mod filters;
pub mod syntax;
pub mod types;
pub mod validate;

use askama::Template;
use dogen_interface::parse::name_of;
use heck::ToLowerCamelCase;

use self::doc::{Doc, concat, group, hardline, if_break, indent, join, line, softline, text};
use self::syntax::{Ids, Member, NO_DOCS, Ts};
use self::types::Types;
use super::{Backend, Items, OutputFile, RenderError};
use crate::error::Error;
use crate::model::{Api, Interface, Method, Output, TypeDef};

/// `index.ts`.
pub const INDEX: &str = "index.ts";
/// `env.d.ts`.
pub const ENV: &str = "env.d.ts";
/// `client.ts`.
pub const CLIENT: &str = "client.ts";
/// `runtime.ts`: the fetch client's runtime, the same for every crate.
pub const RUNTIME: &str = "runtime.ts";

/// The TypeScript backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct TypeScript;

/// `templates/ts/index.ts`.
#[derive(Template)]
#[template(path = "backend/ts/templates/index.ts", escape = "none")]
struct IndexTs<'a> {
    /// `import type` lines for the project's own mappings.
    imports: String,
    durable_result: String,
    interfaces: &'a [String],
    types: &'a [String],
}

/// `templates/env.d.ts`.
#[derive(Template)]
#[template(path = "backend/ts/templates/env.d.ts", escape = "none")]
struct EnvDts {
    import: String,
    /// Each binding, printed inside `declare global { namespace { interface {`.
    bindings: Vec<String>,
    /// Each binding's member of the global `Env`, referring to its type on
    /// `Cloudflare.Env`.
    references: Vec<String>,
}

/// `templates/runtime.ts`.
#[derive(Template)]
#[template(path = "backend/ts/templates/runtime.ts", escape = "none")]
struct RuntimeTs;

/// `templates/ts/client.ts`.
#[derive(Template)]
#[template(path = "backend/ts/templates/client.ts", escape = "none")]
struct ClientTs<'a> {
    import: String,
    /// Whether the clients' types map `Uint8Array` to `number[]`.
    over_fetch: bool,
    clients: &'a [String],
}

impl Backend for TypeScript {
    fn name(&self) -> &'static str {
        "ts"
    }

    fn validate(&self, cx: &dogen_interface::ctxt::Ctxt, api: &Api) {
        validate::validate(cx, api);
    }

    fn interface(&self, api: &Api, iface: &Interface) -> Option<String> {
        Some(Types::new(api).interface(iface, &Ids::default()))
    }

    fn type_def(&self, api: &Api, def: &TypeDef) -> Option<String> {
        Some(Types::within(api, def).declaration(def, &Ids::default()))
    }

    fn files(&self, api: &Api, items: Items) -> Result<Vec<OutputFile>, Error> {
        let fail = |file| move |source| Error::Render(RenderError { file, source });
        let index = IndexTs {
            imports: types::imports(api).join("\n"),
            durable_result: durable_result(),
            interfaces: &items.interfaces,
            types: &items.types,
        }
        .render()
        .map_err(fail(INDEX))?;
        let names: Vec<String> = api.interfaces.iter().map(|i| name_of(&i.ident)).collect();
        let env = EnvDts {
            import: doc::print(&import_type(&names)),
            bindings: api.interfaces.iter().map(|i| binding(i, 3)).collect(),
            references: api.interfaces.iter().map(|i| binding_reference(i, 2)).collect(),
        }
        .render()
        .map_err(fail(ENV))?;
        let mut client_names = names;
        client_names.push(types::DURABLE_RESULT.to_owned());
        let over_fetch = types::has_bytes(api);
        let clients: Vec<String> = api.interfaces.iter().map(|i| client(i, over_fetch)).collect();
        let client = ClientTs { import: doc::print(&import_type(&client_names)), over_fetch, clients: &clients }
            .render()
            .map_err(fail(CLIENT))?;
        let runtime = RuntimeTs.render().map_err(fail(RUNTIME))?;
        // Every file ends with one newline, as Prettier leaves it.
        let file = |name, contents: String| OutputFile { name, contents: format!("{}\n", contents.trim_end()) };
        Ok(vec![file(INDEX, index), file(ENV, env), file(CLIENT, client), file(RUNTIME, runtime)])
    }
}

/// `doc` printed as if nested `level` blocks deep, without the first
/// line's indentation.
fn print_at(doc: &Doc<'_>, level: usize) -> String {
    let mut nested = concat([hardline(), doc.clone()]);
    for _ in 0..level {
        nested = indent(nested);
    }
    doc::print(&nested).trim_start().to_owned()
}

/// `export type DurableResult<T, E> = ...`.
fn durable_result() -> String {
    let case = |ok: bool, key: &'static str, ty: &'static str| -> Ts<'static> {
        Ts::Object(vec![
            Member {
                docs: NO_DOCS,
                key: "ok".into(),
                optional: false,
                ty: Ts::Keyword(if ok { "true" } else { "false" }),
            },
            Member { docs: NO_DOCS, key: key.into(), optional: false, ty: Ts::Ref(ty.into(), Vec::new()) },
        ])
    };
    let ty = Ts::union(vec![(NO_DOCS, case(true, "value", "T")), (NO_DOCS, case(false, "error", "E"))]);
    let docs = [
        "What a method that returns `Result<T, E>` in Rust resolves to. Workers RPC",
        "keeps only the message and name of a thrown error, so the typed error",
        "travels as a value: check `ok` before reading `value` or `error`.",
    ];
    let docs: Vec<String> = docs.iter().map(|s| (*s).to_owned()).collect();
    let params = [("T".to_owned(), None), ("E".to_owned(), None)];
    doc::print(&concat([
        syntax::doc_comment(&docs),
        syntax::type_alias(types::DURABLE_RESULT, &params, &ty, &Ids::default()),
    ]))
}

/// `NAME: DurableObjectNamespace<Trait> & DurableObjectNamespace;`
fn binding(iface: &Interface, level: usize) -> String {
    let name = name_of(&iface.ident);
    let member = Member {
        docs: std::borrow::Cow::Borrowed(iface.docs.as_slice()),
        key: iface.binding.as_str().into(),
        optional: false,
        ty: Ts::Intersection(vec![
            Ts::Ref("DurableObjectNamespace".into(), vec![Ts::Ref(name.into(), Vec::new())]),
            Ts::Ref("DurableObjectNamespace".into(), Vec::new()),
        ]),
    };
    property_at(&member, level)
}

/// `member` as an interface property nested `level` blocks deep, without
/// the first line's indentation.
fn property_at(member: &Member<'_>, level: usize) -> String {
    syntax::checked(syntax::interface_property_at(member, level * doc::INDENT), || {
        print_at(&syntax::interface_property(member, &Ids::default()), level)
    })
}

/// `NAME: Cloudflare.Env["NAME"];`, documented like the binding.
fn binding_reference(iface: &Interface, level: usize) -> String {
    let member = Member {
        docs: std::borrow::Cow::Borrowed(iface.docs.as_slice()),
        key: iface.binding.as_str().into(),
        optional: false,
        ty: Ts::Ref(format!("Cloudflare.Env[{}]", syntax::quote(&iface.binding)).into(), Vec::new()),
    };
    property_at(&member, level)
}

/// `import type { A, B } from "./index.js";`
fn import_type(names: &[String]) -> Doc<'_> {
    if names.is_empty() {
        return text("");
    }
    group(concat([
        text("import type {"),
        indent(concat([line(), join(concat([text(","), line()]), names.iter().map(|n| text(n.as_str())))])),
        if_break(text(","), text("")),
        line(),
        text("} from \"./index.js\";"),
    ]))
}

/// For one interface: the client's type, its reply table and the function
/// that makes it, a blank line apart. `over_fetch`: whether the API
/// carries bytes ([`types::has_bytes`]), which are arrays of numbers over
/// fetch. Each is written directly where it fits its lines, else laid out.
fn client(iface: &Interface, over_fetch: bool) -> String {
    let name = name_of(&iface.ident);
    let client = format!("{name}Client");
    let factory = client.to_lower_camel_case();
    let table = format!("{}Replies", name.to_lower_camel_case());
    let omit = Ts::Ref(
        "Omit".into(),
        vec![
            Ts::Ref(name.as_str().into(), Vec::new()),
            Ts::Ref("typeof Rpc.__DURABLE_OBJECT_BRAND".into(), Vec::new()),
        ],
    );
    // Over fetch, bytes are JSON arrays of numbers, not `Uint8Array`s.
    let (ty, docs) = if over_fetch {
        let docs = vec![
            format!("`{name}`'s methods, called through the object's `fetch` in dogen's"),
            "wire format, where bytes are arrays of numbers.".to_owned(),
        ];
        (Ts::Ref("OverFetch".into(), vec![omit]), docs)
    } else {
        (omit, vec![format!("`{name}`'s methods, called through the object's `fetch` in dogen's wire format.")])
    };
    let alias = syntax::checked(syntax::type_alias_text(&docs, &client, &[], &ty), || {
        doc::print(&concat([syntax::doc_comment(&docs), syntax::type_alias(&client, &[], &ty, &Ids::default())]))
    });
    let reply = |m: &Method| if matches!(m.output, Output::Result { .. }) { "result" } else { "value" };
    let head = format!("const {table}: Replies<{client}>");
    // `head = {` fits its line, so the broken table stays on it.
    let table_text = (!iface.methods.is_empty() && doc::width(&head) + " = {".len() <= doc::WIDTH).then(|| {
        let mut out = head.clone();
        out.push_str(" = {");
        for m in &iface.methods {
            out.push_str("\n  ");
            syntax::write_property_key(&m.wire_name, &mut out);
            // `quote` of `result` and `value`.
            out.push_str(if reply(m) == "result" { ": \"result\"," } else { ": \"value\"," });
        }
        out.push_str("\n};");
        out
    });
    let table_decl = syntax::checked(table_text, || {
        let entries = iface
            .methods
            .iter()
            .map(|m| concat([syntax::property_key(&m.wire_name), text(": "), text(syntax::quote(reply(m)))]));
        let object = if iface.methods.is_empty() {
            text("{}")
        } else {
            doc::broken_group(concat([
                text("{"),
                indent(concat([line(), join(concat([text(","), line()]), entries)])),
                if_break(text(","), text("")),
                line(),
                text("}"),
            ]))
        };
        let ids = Ids::default();
        let id = ids.next();
        doc::print(&concat([
            group(concat([
                group(text(head.as_str())),
                text(" ="),
                doc::group_with_id(indent(line()), id),
                doc::indent_if_break(id, object),
            ])),
            text(";"),
        ]))
    });
    let docs = [
        format!("A client for the `{name}` behind `stub`, e.g."),
        format!("`{factory}(env.{}.getByName(\"a\"))`.", iface.binding),
    ];
    let signature = format!("export function {factory}(stub: DogenFetcher): {client} {{");
    let call = format!("return dogenClient<{client}>(stub, {table});");
    // Both the signature and the call fit their lines.
    let function_text =
        (doc::width(&signature) <= doc::WIDTH && doc::INDENT + doc::width(&call) <= doc::WIDTH).then(|| {
            let mut out = String::new();
            syntax::write_doc_comment(&docs, 0, &mut out);
            out.push_str(&signature);
            out.push_str("\n  ");
            out.push_str(&call);
            out.push_str("\n}");
            out
        });
    let function = syntax::checked(function_text, || {
        doc::print(&concat([
            syntax::doc_comment(&docs),
            text(format!("export function {factory}")),
            group(concat([
                text("("),
                indent(concat([softline(), text("stub: DogenFetcher")])),
                if_break(text(","), text("")),
                softline(),
                text(")"),
                text(format!(": {client}")),
            ])),
            text(" {"),
            indent(concat([
                hardline(),
                text(format!("return dogenClient<{client}>")),
                group(concat([
                    text("("),
                    indent(concat([softline(), text("stub,"), line(), text(table.as_str())])),
                    if_break(text(","), text("")),
                    softline(),
                    text(")"),
                ])),
                text(";"),
            ])),
            hardline(),
            text("}"),
        ]))
    });
    format!("{alias}\n\n{table_decl}\n\n{function}")
}
