use std::borrow::Cow;

use super::decl::print_member;
use super::*;
use crate::backend::ts::doc::{concat, print};

fn show(ty: &Ts) -> String {
    print(&type_alias("T", &[], ty, &Ids::default()))
}

#[test]
fn quotes_like_prettier() {
    assert_eq!(quote("a"), "\"a\"");
    assert_eq!(quote("say \"hi\""), "'say \"hi\"'");
    assert_eq!(quote("it's"), "\"it's\"");
    assert_eq!(quote("a\\b"), "\"a\\\\b\"");
}

#[test]
fn nullable_does_not_repeat_null() {
    let t = Ts::Keyword("string").nullable().nullable();
    assert_eq!(show(&t), "export type T = string | null;");
}

/// A small deterministic generator of types whose flat widths fall on
/// both sides of the page width.
struct Gen(u64);

impl Gen {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn name(&mut self) -> String {
        let longest = if self.next(4) == 0 { 30 } else { 8 };
        let len = 1 + self.next(longest) as usize;
        (0..len).map(|i| if i == 0 { 'T' } else { char::from(b'a' + self.next(26) as u8) }).collect()
    }

    fn docs(&mut self) -> Docs<'static> {
        match self.next(8) {
            0 => Cow::Owned(vec!["A comment.".to_owned()]),
            1 => Cow::Owned(vec!["Two".to_owned(), "lines.".to_owned()]),
            _ => NO_DOCS,
        }
    }

    fn member(&mut self, depth: usize) -> Member<'static> {
        Member {
            docs: self.docs(),
            key: self.name().to_lowercase().into(),
            optional: self.next(2) == 0,
            ty: self.ty(depth),
        }
    }

    fn ty(&mut self, depth: usize) -> Ts<'static> {
        let leaf = depth == 0 || self.next(3) == 0;
        match if leaf { self.next(3) } else { 3 + self.next(7) } {
            0 => Ts::Keyword(["string", "number", "null", "boolean"][self.next(4) as usize]),
            1 => Ts::Literal(self.name().into()),
            2 => Ts::Ref(self.name().into(), Vec::new()),
            3 => Ts::Ref(self.name().into(), (0..1 + self.next(3)).map(|_| self.ty(depth - 1)).collect()),
            4 => Ts::Array(Box::new(self.ty(depth - 1))),
            5 => Ts::Tuple((0..self.next(4)).map(|_| self.ty(depth - 1)).collect()),
            6 => Ts::Object((0..self.next(4)).map(|_| self.member(depth - 1)).collect()),
            7 => Ts::Index(Box::new(self.ty(depth - 1))),
            8 => Ts::union((0..1 + self.next(5)).map(|_| (self.docs(), self.ty(depth - 1))).collect()),
            _ => Ts::Intersection((0..2 + self.next(2)).map(|_| self.ty(depth - 1)).collect()),
        }
    }
}

#[test]
fn the_fast_layouts_agree_with_the_engine() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    let mut fast = [0; 3];
    for _ in 0..20_000 {
        let ids = Ids::default();
        let ty = g.ty(3);
        let name = g.name();
        let params: Vec<(String, Option<Ts>)> =
            (0..g.next(3)).map(|_| (g.name(), if g.next(3) == 0 { Some(g.ty(1)) } else { None })).collect();
        let docs: Vec<String> = g.docs().into_owned();
        if let Some(text) = type_alias_text(&docs, &name, &params, &ty) {
            fast[0] += 1;
            let slow = print(&concat([doc_comment(&docs), type_alias(&name, &params, &ty, &ids)]));
            assert_eq!(text, slow, "{ty:?}");
        }
        let member = g.member(3);
        if let Some(text) = interface_property_text(&member) {
            fast[1] += 1;
            assert_eq!(text, print_member(interface_property(&member, &ids)), "{member:?}");
        }
        let args: Vec<(String, Ts)> = (0..g.next(4)).map(|_| (g.name().to_lowercase(), g.ty(2))).collect();
        let ret = Ts::Ref("Promise".into(), vec![g.ty(2)]);
        if let Some(text) = method_text(&docs, &name, &args, &ret) {
            fast[2] += 1;
            let slow = concat([doc_comment(&docs), method_signature(&name, &args, &ret, &ids)]);
            assert_eq!(text, print_member(slow), "{args:?} {ret:?}");
        }
    }
    // Each fast path took a fair share of the cases.
    assert!(fast.iter().all(|&n| n > 2_000), "{fast:?}");
}

#[test]
fn long_unions_break_with_leading_bars() {
    let members = (0..6).map(|i| (NO_DOCS, Ts::Literal(format!("VariantNumber{i}").into()))).collect::<Vec<_>>();
    let printed = show(&Ts::Union(members));
    assert!(printed.starts_with("export type T =\n  | \"VariantNumber0\"\n"), "{printed}");
    assert!(printed.ends_with("  | \"VariantNumber5\";"), "{printed}");
}
