//! The one generator of the large crate the benchmarks measure:
//! `#[durable]` traits of many methods and serde types of every tagging
//! (externally, internally and adjacently tagged enums, untagged enums,
//! structs with `rename_all`, defaults and `skip_serializing_if`, newtype
//! structs), with options, vectors, maps, boxes and references across
//! modules.
//!
//! `cargo bench --bench ts` and `--bench check` read the [`Flavor::Dogen`]
//! crate; `bash tests/bench/run` also builds the crate without the macro
//! ([`Flavor::Plain`]) and with the peers' macros ([`Flavor::Tarpc`],
//! [`Flavor::Jsonrpsee`]), with [`Spec::buildable`] set: every trait then
//! has an implementation, and the crate exports functions that reach every
//! method, so the generated dispatch and clients are compiled and
//! optimised, not only checked. `bench-crate --help` (`src/bin`) writes one
//! from the command line.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Which RPC macro the traits carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// The same traits and implementations without any RPC macro: the
    /// baseline.
    Plain,
    /// `#[dogen::durable]`.
    Dogen,
    /// No RPC macro: what one writes by hand instead, with serde_json (a
    /// `match` on the method name that decodes the argument tuple and
    /// encodes the value; client functions that encode the arguments and
    /// decode the reply). The baseline of builds that monomorphise: serde
    /// code for every argument and value type, as any RPC layer needs.
    Hand,
    /// `#[tarpc::service]` (a peer, from crates.io).
    Tarpc,
    /// `#[jsonrpsee::proc_macros::rpc(server, client)]` (a peer).
    Jsonrpsee,
}

impl Flavor {
    /// Its name on the command line and in generated crate names.
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Plain => "plain",
            Flavor::Dogen => "dogen",
            Flavor::Hand => "hand",
            Flavor::Tarpc => "tarpc",
            Flavor::Jsonrpsee => "jsonrpsee",
        }
    }

    /// The flavor called `name`.
    pub fn from_name(name: &str) -> Option<Flavor> {
        [Flavor::Plain, Flavor::Dogen, Flavor::Hand, Flavor::Tarpc, Flavor::Jsonrpsee]
            .into_iter()
            .find(|f| f.name() == name)
    }
}

/// The size and kind of a generated crate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Module files besides `lib.rs`; traits and types are spread evenly.
    pub files: usize,
    /// Traits.
    pub traits: usize,
    /// Methods per trait.
    pub methods: usize,
    /// Serde types.
    pub types: usize,
    /// The RPC macro on the traits.
    pub flavor: Flavor,
    /// Implementations and exported entry points, so the crate builds to
    /// something that reaches every method (see the module docs).
    pub buildable: bool,
    /// Only the types, those typeshare maps marked `#[typeshare]`, for the
    /// typeshare CLI.
    pub typeshare: bool,
    /// With `buildable`: the entry points that reach the methods through the
    /// RPC layer (serve and client). Without them, the crate differs from
    /// [`Flavor::Plain`]'s by the attribute alone.
    pub rpc_entries: bool,
    /// [`Flavor::Dogen`]'s client: `false` writes
    /// `#[dogen::durable(client = false)]` (and needs `rpc_entries` off:
    /// the entries call the clients).
    pub client: bool,
}

impl Spec {
    /// The crate of the `dogen ts` and `dogen check` benchmarks: 200 traits
    /// of 20 methods, 1,000 types, in 40 module files.
    pub const TS: Spec = Spec {
        files: 40,
        traits: 200,
        methods: 20,
        types: 1_000,
        flavor: Flavor::Dogen,
        buildable: false,
        typeshare: false,
        rpc_entries: true,
        client: true,
    };

    /// The crate of the macro benchmarks: 100 traits of 20 methods, the same
    /// 1,000 types, in 20 module files, buildable.
    pub const MACRO: Spec = Spec { files: 20, traits: 100, buildable: true, ..Spec::TS };

    /// What makes this spec unwritable, if anything: the entries of a
    /// buildable crate call the clients, so `client` off needs them off.
    pub fn conflict(&self) -> Option<&'static str> {
        (!self.client && self.buildable && self.rpc_entries)
            .then_some("--no-client needs --no-entries with --buildable (the entries call the clients)")
    }

    /// Writes `src/lib.rs` and the module files under `dir` (removing an
    /// older `src/`); returns every file written, `lib.rs` first.
    pub fn write(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        assert!(self.files > 0 && self.traits.is_multiple_of(self.files) && self.types.is_multiple_of(self.files));
        if let Some(conflict) = self.conflict() {
            panic!("{conflict}");
        }
        let src = dir.join("src");
        if src.exists() {
            fs::remove_dir_all(&src)?;
        }
        fs::create_dir_all(&src)?;
        let mut files = vec![src.join("lib.rs")];
        fs::write(&files[0], self.lib())?;
        for f in 0..self.files {
            let path = src.join(format!("part{f}.rs"));
            fs::write(&path, self.part(f))?;
            files.push(path);
        }
        Ok(files)
    }

    /// The `[dependencies]` a buildable crate of this flavor needs, with
    /// `dogen` at `dogen_path`.
    pub fn dependencies(&self, dogen_path: &Path) -> String {
        let mut deps = String::from("serde = { version = \"1\", features = [\"derive\"] }\n");
        match self.flavor {
            Flavor::Plain => {}
            Flavor::Dogen => writeln!(deps, "dogen = {{ path = {:?} }}", dogen_path.display().to_string()).unwrap(),
            Flavor::Hand => deps.push_str("serde_json = \"1\"\n"),
            Flavor::Tarpc => deps.push_str("tarpc = { version = \"0.38\", features = [\"serde1\"] }\nserde_json = \"1\"\n"),
            Flavor::Jsonrpsee => deps.push_str(
                "jsonrpsee = { version = \"0.26\", features = [\"server-core\", \"client-core\", \"macros\"] }\nserde_json = \"1\"\n",
            ),
        }
        if self.typeshare {
            deps.push_str("typeshare = \"1\"\n");
        }
        deps
    }

    fn per_file(&self) -> (usize, usize) {
        (self.traits / self.files, self.types / self.files)
    }

    fn lib(&self) -> String {
        let mut out = String::from("//! Generated for dogen's benchmarks (tests/src/bench_crate.rs).\n");
        if self.buildable {
            out.push_str("#![allow(async_fn_in_trait, dead_code, unused_variables, clippy::all)]\n\n");
            out.push_str(BUILDABLE_LIB);
            match self.flavor {
                Flavor::Jsonrpsee => out.push_str(JSONRPSEE_CLIENT),
                Flavor::Dogen if self.rpc_entries => out.push_str(DOGEN_CLIENT),
                _ => {}
            }
        }
        out.push('\n');
        for f in 0..self.files {
            writeln!(out, "pub mod part{f};").unwrap();
        }
        if self.buildable {
            // Types refer to types of other modules.
            for f in 0..self.files {
                writeln!(out, "pub use part{f}::*;").unwrap();
            }
            let (traits, _) = self.per_file();
            out.push_str(
                "\n/// Calls method `method` of object `object` directly, with opaque arguments.\n\
                 #[unsafe(no_mangle)]\npub extern \"C\" fn call(object: u32, method: u32) {\n    match object as usize / ",
            );
            writeln!(out, "{traits} {{").unwrap();
            for f in 0..self.files {
                writeln!(out, "        {f} => part{f}::call(object as usize, method as usize),").unwrap();
            }
            out.push_str("        _ => {}\n    }\n}\n");
            let entries: &[(&str, &str, &str)] = match self.flavor {
                _ if !self.rpc_entries => &[],
                Flavor::Plain => &[],
                Flavor::Dogen => &[
                    (
                        "/// Serves a call through the generated dispatch, as JSON.\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn serve(object: u32, method: *const u8, method_len: usize, args: *const u8, args_len: usize) -> u32",
                        "let method = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(method, method_len)) };\n    let args = unsafe { std::slice::from_raw_parts(args, args_len) }.to_vec();\n    match object as usize / ",
                        "part{f}::serve(object as usize, method, &args),",
                    ),
                    (
                        "/// Calls method `method` of object `object` through the generated client, over an opaque transport.\n#[unsafe(no_mangle)]\npub extern \"C\" fn client(object: u32, method: u32) -> u32",
                        "match object as usize / ",
                        "part{f}::client(object as usize, method as usize),",
                    ),
                ],
                Flavor::Hand => &[
                    (
                        "/// Serves a call through the hand-written routes, as JSON.\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn serve(object: u32, method: *const u8, method_len: usize, args: *const u8, args_len: usize) -> u32",
                        "let method = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(method, method_len)) };\n    let args = unsafe { std::slice::from_raw_parts(args, args_len) }.to_vec();\n    match object as usize / ",
                        "part{f}::serve(object as usize, method, &args),",
                    ),
                    (
                        "/// Calls method `method` of object `object` through the hand-written client functions.\n#[unsafe(no_mangle)]\npub extern \"C\" fn client(object: u32, method: u32) -> u32",
                        "match object as usize / ",
                        "part{f}::client(object as usize, method as usize),",
                    ),
                ],
                Flavor::Tarpc => &[
                    (
                        "/// Serves a JSON request through the generated server.\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn serve(object: u32, request: *const u8, len: usize) -> u32",
                        "let request = unsafe { std::slice::from_raw_parts(request, len) };\n    match object as usize / ",
                        "part{f}::serve(object as usize, request),",
                    ),
                    (
                        "/// Calls method `method` of object `object` through the generated client.\n#[unsafe(no_mangle)]\npub extern \"C\" fn client(object: u32, method: u32) -> u32",
                        "match object as usize / ",
                        "part{f}::client(object as usize, method as usize),",
                    ),
                ],
                Flavor::Jsonrpsee => &[
                    (
                        "/// Serves a request through the generated server.\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn serve(object: u32, request: *const u8, len: usize) -> u32",
                        "let request = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(request, len)) };\n    match object as usize / ",
                        "part{f}::serve(object as usize, request),",
                    ),
                    (
                        "/// Calls method `method` of object `object` through the generated client.\n#[unsafe(no_mangle)]\npub extern \"C\" fn client(object: u32, method: u32) -> u32",
                        "match object as usize / ",
                        "part{f}::client(object as usize, method as usize),",
                    ),
                ],
            };
            for (head, body, arm) in entries {
                writeln!(out, "\n{head} {{\n    {body}{traits} {{").unwrap();
                for f in 0..self.files {
                    writeln!(out, "        {f} => {}", arm.replace("{f}", &f.to_string())).unwrap();
                }
                out.push_str("        _ => 0,\n    }\n}\n");
            }
        }
        out
    }

    /// One module file: its share of traits and types.
    fn part(&self, f: usize) -> String {
        let mut out = String::from("use serde::{Deserialize, Serialize};\nuse std::collections::HashMap;\n");
        if self.buildable {
            out.push_str("#[allow(unused_imports)]\nuse crate::*;\nuse crate::{keep, poll_now, produce};\n");
        }
        out.push('\n');
        let (traits, types) = self.per_file();
        if !self.typeshare {
            for t in f * traits..(f + 1) * traits {
                self.write_trait(&mut out, t);
            }
            if self.buildable {
                self.write_entries(&mut out, f * traits..(f + 1) * traits);
            }
        }
        for n in f * types..(f + 1) * types {
            self.write_type(&mut out, n);
        }
        if self.buildable && f + 1 == self.files {
            out.push_str(
                "/// What `bash tests/bench/run` edits before each incremental build.\npub const EDIT: u32 = 0;\n",
            );
        }
        out
    }

    /// The types of method `m` of trait `t`: `(a, b, c, e)`.
    fn type_numbers(&self, t: usize, m: usize) -> (usize, usize, usize, usize) {
        let n = self.types;
        ((t * 7 + m) % n, (t * 13 + m * 3) % n, (t + m * 11) % n, (t + m) % n)
    }

    /// The parameters (`name: Type`) and the return type of method `m` of
    /// trait `t`; `&str` arguments are `String` for the peers, which take
    /// owned arguments.
    fn signature(&self, t: usize, m: usize) -> (Vec<(String, String)>, String) {
        let (a, b, c, e) = self.type_numbers(t, m);
        let text = match self.flavor {
            Flavor::Tarpc | Flavor::Jsonrpsee => "String",
            Flavor::Plain | Flavor::Dogen | Flavor::Hand => "&str",
        };
        let p = |name: &str, ty: String| (name.to_owned(), ty);
        match m % 4 {
            0 => (vec![p("a", format!("Type{a}")), p("b", format!("Option<Type{b}>"))], format!("Type{c}")),
            1 => (vec![p("ids", "Vec<u64>".into()), p("name", text.into())], format!("Result<Type{c}, Type{e}>")),
            2 => (vec![p("map", format!("HashMap<String, Type{a}>"))], format!("Vec<Type{b}>")),
            _ => (
                vec![p("x", "i32".into()), p("y", "f64".into()), p("z", "(u8, String)".into())],
                format!("Option<Type{c}>"),
            ),
        }
    }

    fn write_trait(&self, out: &mut String, t: usize) {
        let attr = match self.flavor {
            Flavor::Plain | Flavor::Hand => "",
            Flavor::Dogen if !self.client => "#[dogen::durable(client = false)]\n",
            Flavor::Dogen => "#[dogen::durable]\n",
            Flavor::Tarpc => "#[tarpc::service]\n",
            Flavor::Jsonrpsee => "#[jsonrpsee::proc_macros::rpc(server, client)]\n",
        };
        let bound = if self.flavor == Flavor::Jsonrpsee { ": Send + Sync + 'static" } else { "" };
        writeln!(out, "/// Durable object number {t}.\n{attr}pub trait Object{t}{bound} {{").unwrap();
        for m in 0..self.methods {
            let (params, ret) = self.signature(t, m);
            let params: String = params.iter().map(|(n, ty)| format!(", {n}: {ty}")).collect();
            writeln!(out, "    /// Method {m}.").unwrap();
            match self.flavor {
                Flavor::Plain | Flavor::Dogen | Flavor::Hand => {
                    writeln!(out, "    async fn method_{m}(&self{params}) -> {ret};")
                }
                Flavor::Tarpc => writeln!(out, "    async fn method_{m}({}) -> {ret};", &params[params.len().min(2)..]),
                Flavor::Jsonrpsee => writeln!(
                    out,
                    "    #[method(name = \"method_{m}\")]\n    async fn method_{m}(&self{params}) -> jsonrpsee::core::RpcResult<{ret}>;"
                ),
            }
            .unwrap();
        }
        out.push_str("}\n\n");
    }

    /// The implementations and the functions that reach every method.
    fn write_entries(&self, out: &mut String, traits: std::ops::Range<usize>) {
        for t in traits.clone() {
            let (server_trait, self_param, wrap) = match self.flavor {
                Flavor::Plain | Flavor::Dogen | Flavor::Hand => (format!("Object{t}"), "&self", false),
                Flavor::Tarpc => (format!("Object{t}"), "self, _: tarpc::context::Context", false),
                Flavor::Jsonrpsee => (format!("Object{t}Server"), "&self", true),
            };
            writeln!(out, "/// Object {t}'s logic.\n#[derive(Clone, Copy)]\npub struct Impl{t};\n").unwrap();
            if self.flavor == Flavor::Jsonrpsee {
                out.push_str("#[jsonrpsee::core::async_trait]\n");
            }
            writeln!(out, "impl {server_trait} for Impl{t} {{").unwrap();
            for m in 0..self.methods {
                let (params, ret) = self.signature(t, m);
                let list: String = params.iter().map(|(n, ty)| format!(", {n}: {ty}")).collect();
                let keep: String = params.iter().map(|(n, _)| format!("keep(&{n}); ")).collect();
                let (ret, value) = if wrap {
                    (format!("jsonrpsee::core::RpcResult<{ret}>"), "Ok(produce())")
                } else {
                    (ret, "produce()")
                };
                writeln!(out, "    async fn method_{m}({self_param}{list}) -> {ret} {{\n        {keep}{value}\n    }}")
                    .unwrap();
            }
            out.push_str("}\n\n");
        }
        // Direct calls: the baseline's way to reach each method.
        let (first, last) = (traits.start, traits.end);
        out.push_str("/// Calls a method of an implementation directly.\npub fn call(object: usize, method: usize) {\n    match (object, method) {\n");
        for t in first..last {
            for m in 0..self.methods {
                let (params, _) = self.signature(t, m);
                let args = vec!["produce()"; params.len()].join(", ");
                match self.flavor {
                    Flavor::Tarpc => writeln!(
                        out,
                        "        ({t}, {m}) => keep(&poll_now(Object{t}::method_{m}(Impl{t}, tarpc::context::current(), {args}))),"
                    ),
                    Flavor::Jsonrpsee => writeln!(
                        out,
                        "        ({t}, {m}) => keep(&poll_now(Object{t}Server::method_{m}(&Impl{t}, {args}))),"
                    ),
                    _ => writeln!(out, "        ({t}, {m}) => keep(&poll_now(Impl{t}.method_{m}({args}))),"),
                }
                .unwrap();
            }
        }
        out.push_str("        _ => {}\n    }\n}\n\n");
        match self.flavor {
            _ if !self.rpc_entries => {}
            Flavor::Plain => {}
            Flavor::Dogen => {
                out.push_str(
                    "/// Serves a call through the generated dispatch.\npub fn serve(object: usize, method: &str, args: &Vec<u8>) -> u32 {\n    let reply = match object {\n",
                );
                for t in first..last {
                    writeln!(
                        out,
                        "        {t} => poll_now(dogen::Dispatch::<dogen::Json>::dispatch(&Object{t}Server(&Impl{t}), method, args)),"
                    )
                    .unwrap();
                }
                out.push_str("        _ => return 0,\n    };\n    match reply {\n        Some(Ok(dogen::Reply::Ok(v))) => v.len() as u32,\n        Some(Ok(dogen::Reply::Err(v))) => v.len() as u32 + 1,\n        _ => 0,\n    }\n}\n\n");
                out.push_str("/// Calls a method through the generated client, over an opaque transport.\npub fn client(object: usize, method: usize) -> u32 {\n    match object {\n");
                for t in first..last {
                    writeln!(out, "        {t} => {{\n            let client = Object{t}Client::new(Stub);\n            match method {{").unwrap();
                    for m in 0..self.methods {
                        let (params, _) = self.signature(t, m);
                        let args = vec!["produce()"; params.len()].join(", ");
                        writeln!(out, "                {m} => poll_now(client.method_{m}({args})).map_or(0, |r| r.is_ok() as u32),")
                            .unwrap();
                    }
                    out.push_str("                _ => 0,\n            }\n        }\n");
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
            }
            Flavor::Hand => {
                out.push_str(
                    "/// Serves a call through a hand-written route per method.\npub fn serve(object: usize, method: &str, args: &Vec<u8>) -> u32 {\n    let reply: Result<Vec<u8>, String> = match (object, method) {\n",
                );
                for t in first..last {
                    for m in 0..self.methods {
                        let (params, ret) = self.signature(t, m);
                        let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
                        let types: Vec<String> = params
                            .iter()
                            .map(|(_, ty)| if ty == "&str" { "String".into() } else { ty.clone() })
                            .collect();
                        let pass: Vec<String> = params
                            .iter()
                            .map(|(n, ty)| if ty == "&str" { format!("&{n}") } else { n.clone() })
                            .collect();
                        let _ = ret;
                        writeln!(
                            out,
                            "        ({t}, \"method_{m}\") => match serde_json::from_slice::<({},)>(args) {{\n            Ok(({},)) => match poll_now(Impl{t}.method_{m}({})) {{\n                Some(value) => serde_json::to_vec(&value).map_err(|e| e.to_string()),\n                None => Err(\"pending\".into()),\n            }},\n            Err(e) => Err(format!(\"bad arguments for `method_{m}`: {{e}}\")),\n        }},",
                            types.join(", "),
                            names.join(", "),
                            pass.join(", ")
                        )
                        .unwrap();
                    }
                }
                out.push_str("        _ => Err(format!(\"unknown method `{method}`\")),\n    };\n    reply.map_or(0, |v| v.len() as u32)\n}\n\n");
                out.push_str("/// Calls a method through a hand-written client function: encode the arguments, decode the reply.\npub fn client(object: usize, method: usize) -> u32 {\n    match (object, method) {\n");
                for t in first..last {
                    for m in 0..self.methods {
                        let (params, ret) = self.signature(t, m);
                        let args = vec!["produce()"; params.len()].join(", ");
                        let types: Vec<String> =
                            params.iter().map(|(_, ty)| ty.replace("&str", "&'static str")).collect();
                        writeln!(
                            out,
                            "        ({t}, {m}) => {{\n            let body = serde_json::to_vec::<({},)>(&({args},)).unwrap_or_default();\n            keep(&body);\n            serde_json::from_slice::<{ret}>(&produce::<Vec<u8>>()).map_or(0, |r| {{ keep(&r); 1 }})\n        }}",
                            types.join(", ")
                        )
                        .unwrap();
                    }
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
            }
            Flavor::Tarpc => {
                out.push_str("/// Serves a JSON request through the generated server, its response as JSON.\npub fn serve(object: usize, request: &[u8]) -> u32 {\n    use tarpc::server::Serve;\n    match object {\n");
                for t in first..last {
                    writeln!(
                        out,
                        "        {t} => match serde_json::from_slice::<Object{t}Request>(request) {{\n            Ok(request) => poll_now(Impl{t}.serve().serve(tarpc::context::current(), request)).map_or(0, |r| r.map_or(0, |r| serde_json::to_vec(&r).map_or(0, |v| v.len() as u32))),\n            Err(_) => 0,\n        }},"
                    )
                    .unwrap();
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
                out.push_str("/// Calls a method through the generated client.\npub fn client(object: usize, method: usize) -> u32 {\n    match object {\n");
                for t in first..last {
                    writeln!(out, "        {t} => {{\n            let client: Object{t}Client = produce();\n            match method {{").unwrap();
                    for m in 0..self.methods {
                        let (params, _) = self.signature(t, m);
                        let args = vec!["produce()"; params.len()].join(", ");
                        writeln!(
                            out,
                            "                {m} => poll_now(client.method_{m}(tarpc::context::current(), {args})).map_or(0, |r| r.is_ok() as u32),"
                        )
                        .unwrap();
                    }
                    out.push_str("                _ => 0,\n            }\n        }\n");
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
            }
            Flavor::Jsonrpsee => {
                out.push_str("/// Serves a request through the generated server.\npub fn serve(object: usize, request: &str) -> u32 {\n    match object {\n");
                for t in first..last {
                    writeln!(
                        out,
                        "        {t} => poll_now(Impl{t}.into_rpc().raw_json_request(request, 1)).map_or(0, |r| r.map_or(0, |(r, _)| r.get().len() as u32)),"
                    )
                    .unwrap();
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
                out.push_str("/// Calls a method through the generated client.\npub fn client(object: usize, method: usize) -> u32 {\n    let client = crate::Client;\n    match object {\n");
                for t in first..last {
                    writeln!(out, "        {t} => match method {{").unwrap();
                    for m in 0..self.methods {
                        let (params, _) = self.signature(t, m);
                        let args = vec!["produce()"; params.len()].join(", ");
                        writeln!(
                            out,
                            "            {m} => poll_now(Object{t}Client::method_{m}(&client, {args})).map_or(0, |r| r.is_ok() as u32),"
                        )
                        .unwrap();
                    }
                    out.push_str("            _ => 0,\n        },\n");
                }
                out.push_str("        _ => 0,\n    }\n}\n\n");
            }
        }
    }

    fn write_type(&self, out: &mut String, n: usize) {
        let (x, y) = ((n * 31 + 7) % self.types, (n * 17 + 3) % self.types);
        // typeshare refuses externally tagged and untagged enums, internally
        // tagged ones with data, and 64-bit integers: only the other half of
        // the types is marked for it.
        let typeshare = if self.typeshare && matches!(n % 6, 0 | 3 | 4) { "#[typeshare::typeshare]\n" } else { "" };
        // The peers' generated code needs `Debug` and `Clone` of every
        // argument; every flavor derives them, so the crates differ only in
        // their RPC macro.
        let derive = if self.buildable {
            "#[derive(Debug, Clone, Serialize, Deserialize)]"
        } else {
            "#[derive(Serialize, Deserialize)]"
        };
        writeln!(out, "/// Type number {n}.\n{typeshare}{derive}").unwrap();
        match n % 6 {
            0 => writeln!(
                out,
                "#[serde(rename_all = \"camelCase\")]\npub struct Type{n} {{\n    pub first_field: u32,\n    pub second_field: String,\n    pub maybe: Option<Box<Type{x}>>,\n    #[serde(default, skip_serializing_if = \"Vec::is_empty\")]\n    pub many: Vec<Type{y}>,\n    pub table: HashMap<String, f64>,\n}}\n"
            ),
            1 => writeln!(
                out,
                "#[serde(tag = \"type\")]\npub enum Type{n} {{\n    Empty,\n    Point {{ x: f64, y: f64 }},\n    Named {{ name: String, other: Option<Box<Type{x}>> }},\n}}\n"
            ),
            2 => writeln!(
                out,
                "pub enum Type{n} {{\n    Unit,\n    Value(i64),\n    Pair(String, u8),\n    Record {{ id: u64, tags: Vec<String> }},\n}}\n"
            ),
            3 => writeln!(out, "pub struct Type{n}(pub Vec<Type{x}>);\n"),
            4 => writeln!(
                out,
                "#[serde(tag = \"t\", content = \"c\")]\npub enum Type{n} {{\n    A,\n    B(Vec<u8>),\n    C {{ deep: HashMap<String, Vec<Option<u32>>> }},\n}}\n"
            ),
            _ => writeln!(
                out,
                "#[serde(untagged)]\npub enum Type{n} {{\n    Text(String),\n    Number(f64),\n    Shape {{ sides: u32, label: Option<String> }},\n}}\n"
            ),
        }
        .unwrap();
    }
}

/// The helpers of a buildable crate: values the optimiser cannot see
/// through, and a poll with no executor.
const BUILDABLE_LIB: &str = r#"use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// A value the optimiser cannot predict: what every method returns and
/// every argument is. Never run; the crate is only built.
#[inline(never)]
pub fn produce<T>() -> T {
    std::hint::black_box(None).expect("benchmark crates are built, not run")
}

/// Keeps `value` alive as far as the optimiser knows.
#[inline(never)]
pub fn keep<T: ?Sized>(value: &T) {
    std::hint::black_box(value);
}

/// Polls `future` once.
pub fn poll_now<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}
"#;

/// The transport the dogen crate's clients call through: a black box, as a
/// Worker's stub is to the code that calls it. The client encodes the
/// arguments and decodes the reply, as the hand-written client functions
/// do; it does not run the server in process.
const DOGEN_CLIENT: &str = r#"
/// A dogen transport whose other end is opaque.
pub struct Stub;

impl dogen::Transport for Stub {
    type Format = dogen::Json;

    async fn call(&self, _method: &'static str, args: Vec<u8>) -> Result<dogen::Reply<Vec<u8>>, dogen::CallError> {
        keep(&args);
        produce()
    }
}
"#;

/// The client the jsonrpsee crate calls through: its transport is a black
/// box, but it encodes the parameters and decodes the response, as any
/// jsonrpsee client does.
const JSONRPSEE_CLIENT: &str = r#"
/// A jsonrpsee client over an opaque transport.
pub struct Client;

impl jsonrpsee::core::client::ClientT for Client {
    async fn notification<Params>(&self, _method: &str, params: Params) -> Result<(), jsonrpsee::core::client::Error>
    where
        Params: jsonrpsee::core::traits::ToRpcParams + Send,
    {
        keep(&params.to_rpc_params().map_err(jsonrpsee::core::client::Error::ParseError)?);
        Ok(())
    }

    async fn request<R, Params>(&self, _method: &str, params: Params) -> Result<R, jsonrpsee::core::client::Error>
    where
        R: serde::de::DeserializeOwned,
        Params: jsonrpsee::core::traits::ToRpcParams + Send,
    {
        keep(&params.to_rpc_params().map_err(jsonrpsee::core::client::Error::ParseError)?);
        serde_json::from_str(produce::<&str>()).map_err(jsonrpsee::core::client::Error::ParseError)
    }

    async fn batch_request<'a, R>(
        &self,
        _batch: jsonrpsee::core::params::BatchRequestBuilder<'a>,
    ) -> Result<jsonrpsee::core::client::BatchResponse<'a, R>, jsonrpsee::core::client::Error>
    where
        R: serde::de::DeserializeOwned + std::fmt::Debug + 'a,
    {
        Ok(produce())
    }
}
"#;
