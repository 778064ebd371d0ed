//! Long declarations wrap as Prettier wraps them: parameters one per line,
//! unions one member per line, objects broken.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[dogen::durable]
pub trait Reports {
    async fn generate_quarterly_report(&self, organization_identifier: String, fiscal_year: u16, include_drafts: bool) -> Result<QuarterlyReportDocument, ReportGenerationFailure>;
    async fn short(&self, a: u8) -> HashMap<String, Vec<Option<HashMap<String, Vec<QuarterlyReportDocument>>>>>;
}

#[derive(Serialize, Deserialize)]
pub struct QuarterlyReportDocument {
    pub sections: Vec<(String, Vec<HashMap<String, Vec<Option<(u32, u32, String, bool)>>>>)>,
    pub status: ReportGenerationFailure,
    pub location: Option<(f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64, f64)>,
}

#[derive(Serialize, Deserialize)]
pub enum ReportGenerationFailure {
    OrganizationNotFound,
    FiscalYearOutOfRange { earliest_available_year: u16, latest_available_year: u16 },
    InsufficientPermissions(String),
}
