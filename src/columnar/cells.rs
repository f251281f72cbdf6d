//! A row as its cells: a serde serializer that flattens a row the way the `csv` crate writes it (the fields of a
//! struct in order, the parts of a tuple one after another, an `Option` as its value or nothing), so that a row
//! type written to CSV is written to Parquet column for column, with its values typed (integers, floats,
//! booleans, strings) instead of as text.
//!
//! Why not `serde_arrow`: it maps a tuple of structs (`lexdiv.csv`'s `(Where, &LexicalDiversity)`) to one struct
//! column per part and cannot take the schema of a type holding borrowed rows or dates without samples, so an
//! empty table would lose its types; the columns are declared with the row type instead ([`super::Columns`]).

use serde::ser::{self, Serialize};

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (`None`; an empty CSV field).
    Null,
    /// A boolean.
    Bool(bool),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A float.
    Float(f64),
    /// Text.
    Str(String),
}

/// Why a row could not be flattened into cells.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CellError(String);

impl ser::Error for CellError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        CellError(msg.to_string())
    }
}

/// The cells of `row`, appended to `out` (cleared first).
pub fn cells<T: Serialize + ?Sized>(row: &T, out: &mut Vec<Cell>) -> Result<(), CellError> {
    out.clear();
    row.serialize(&mut Flatten { out })
}

/// The serializer: every value it meets becomes one cell, every compound its parts in order.
struct Flatten<'o> {
    out: &'o mut Vec<Cell>,
}

impl Flatten<'_> {
    fn push(&mut self, cell: Cell) -> Result<(), CellError> {
        self.out.push(cell);
        Ok(())
    }
}

/// Serializes compound values part by part into the same cells.
macro_rules! parts {
    ($($trait:ident :: $method:ident $(($key:ty))?),* $(,)?) => {$(
        impl ser::$trait for &mut Flatten<'_> {
            type Ok = ();
            type Error = CellError;
            fn $method<V: Serialize + ?Sized>(&mut self, $(_: $key,)? value: &V) -> Result<(), CellError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), CellError> {
                Ok(())
            }
        }
    )*};
}

parts!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
    SerializeStruct::serialize_field(&'static str),
    SerializeStructVariant::serialize_field(&'static str),
);

impl ser::SerializeMap for &mut Flatten<'_> {
    type Ok = ();
    type Error = CellError;
    fn serialize_key<K: Serialize + ?Sized>(&mut self, _: &K) -> Result<(), CellError> {
        Err(CellError("a map is not a row".into()))
    }
    fn serialize_value<V: Serialize + ?Sized>(&mut self, _: &V) -> Result<(), CellError> {
        Err(CellError("a map is not a row".into()))
    }
    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

/// Serializer methods of scalar values, each one cell of its kind.
macro_rules! scalars {
    ($($method:ident($ty:ty) => $cell:ident),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<(), CellError> {
            self.push(Cell::$cell(v.into()))
        }
    )*};
}

impl<'a, 'o> ser::Serializer for &'a mut Flatten<'o> {
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    scalars!(
        serialize_bool(bool) => Bool,
        serialize_i8(i8) => Int,
        serialize_i16(i16) => Int,
        serialize_i32(i32) => Int,
        serialize_i64(i64) => Int,
        serialize_u8(u8) => UInt,
        serialize_u16(u16) => UInt,
        serialize_u32(u32) => UInt,
        serialize_u64(u64) => UInt,
        serialize_f32(f32) => Float,
        serialize_f64(f64) => Float,
    );
    fn serialize_char(self, v: char) -> Result<(), CellError> {
        self.push(Cell::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<(), CellError> {
        self.push(Cell::Str(v.to_string()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), CellError> {
        Err(CellError("bytes are not a cell".into()))
    }
    fn serialize_none(self) -> Result<(), CellError> {
        self.push(Cell::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), CellError> {
        self.push(Cell::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), CellError> {
        self.push(Cell::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), CellError> {
        self.push(Cell::Str(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, CellError> {
        Err(CellError("a map is not a row".into()))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, CellError> {
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Where<'a> {
        speaker: &'a str,
        date: Option<chrono::NaiveDate>,
    }

    /// As the report writes an undefined measure: `NaN`.
    fn undefined_as_nan<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(v.unwrap_or(f64::NAN))
    }

    #[derive(serde::Serialize)]
    struct Measures {
        n: u32,
        ttr: f64,
        #[serde(serialize_with = "undefined_as_nan")]
        mattr: Option<f64>,
        interpreted: bool,
    }

    #[test]
    fn a_tuple_of_structs_flattens_as_csv_writes_it() {
        let m = Measures {
            n: 7,
            ttr: 0.5,
            mattr: None,
            interpreted: true,
        };
        for date in [chrono::NaiveDate::from_ymd_opt(2025, 3, 1), None] {
            let row = (
                Where {
                    speaker: "В.Путин",
                    date,
                },
                &m,
            );
            let mut out = Vec::new();
            cells(&row, &mut out).unwrap();
            let date = date.map_or(Cell::Null, |d| Cell::Str(d.to_string()));
            assert_eq!(
                out[..4],
                [
                    Cell::Str("В.Путин".into()),
                    date,
                    Cell::UInt(7),
                    Cell::Float(0.5)
                ]
            );
            assert!(matches!(out[4], Cell::Float(x) if x.is_nan()));
            assert_eq!(out[5], Cell::Bool(true));
            // As many cells as the CSV line has fields.
            let mut csv = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            csv.serialize(&row).unwrap();
            let line = String::from_utf8(csv.into_inner().unwrap()).unwrap();
            assert_eq!(line.trim_end().split(',').count(), out.len());
        }
    }

    #[test]
    fn a_map_is_not_a_row() {
        let mut out = Vec::new();
        let map = std::collections::BTreeMap::from([("a", 1)]);
        assert_eq!(
            cells(&map, &mut out).unwrap_err().to_string(),
            "a map is not a row"
        );
    }
}
