//! Types that refer to themselves, directly or through others.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Trees {
    async fn walk(&self, root: Tree) -> Expr;
}

#[derive(Serialize, Deserialize)]
pub struct Tree {
    pub label: String,
    pub children: Vec<Tree>,
    pub parent: Option<Box<Tree>>,
}

#[derive(Serialize, Deserialize)]
pub enum Expr {
    Number(f64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Call { name: String, args: Vec<Expr>, scope: Option<Scope> },
}

#[derive(Serialize, Deserialize)]
pub struct Scope {
    pub bindings: Vec<(String, Expr)>,
}
