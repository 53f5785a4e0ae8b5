//! The results as an Excel workbook (to be built: see issue 5).

use super::ExportError;
use crate::domain::Model;

pub fn to_bytes(_model: &Model, _head: &[u8; 32]) -> Result<Vec<u8>, ExportError> {
    Err(ExportError::Unavailable("xlsx"))
}
