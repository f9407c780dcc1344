//! Integration tests of `analysis::data`: every import path and every bad
//! input. Sample workbooks are in tests/data/ (made by make_samples.py).

use policylens::analysis::data::{
    ColumnData, ColumnKind, DECODE_SLICE_BYTES, DataError, Dataset, DelimitedImport, ImportOptions,
    ImportWarning, Imported, MAX_IMPORT_BYTES, Phase, import, import_pasted,
};
use proptest::prelude::*;

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str, bytes: &[u8]) -> Imported {
    import(name, bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_err(name: &str, bytes: &[u8]) -> DataError {
    match import(name, bytes, &ImportOptions::default()) {
        Ok(got) => panic!("{name}: expected an error, got {:?}", got.dataset),
        Err(e) => e,
    }
}

fn num(v: &[Option<f64>]) -> ColumnData {
    ColumnData::Numeric(v.to_vec())
}

fn text(v: &[Option<&str>]) -> ColumnData {
    ColumnData::Text(v.iter().map(|c| c.map(str::to_owned)).collect())
}

fn utf16(s: &str, little_endian: bool) -> Vec<u8> {
    // encoding_rs decodes UTF-16 but never encodes it (its encoders write
    // UTF-8 for UTF-16), so the test encodes by hand, with a BOM.
    std::iter::once(0xFEFF_u16)
        .chain(s.encode_utf16())
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

const TABLE: &str = "县域,规模,信息平台\n甲县,12,0.8\n乙县,7.5,NA\n丙县,3,\n";

fn check_table(got: &Imported) {
    let d = &got.dataset;
    assert_eq!(d.n_rows(), 3);
    let names: Vec<&str> = d.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["县域", "规模", "信息平台"]);
    assert_eq!(
        d.columns[0].data,
        text(&[Some("甲县"), Some("乙县"), Some("丙县")])
    );
    assert_eq!(
        d.numeric("规模").unwrap(),
        vec![Some(12.0), Some(7.5), Some(3.0)]
    );
    assert_eq!(d.numeric("信息平台").unwrap(), vec![Some(0.8), None, None]);
}

// ---------------------------------------------------------------- text paths

#[test]
fn a_utf8_csv_with_header_becomes_a_typed_dataset() {
    let got = read("alliance.csv", TABLE.as_bytes());
    check_table(&got);
    assert_eq!(got.encoding, Some("UTF-8"));
    assert_eq!(got.delimiter, Some(b','));
    assert_eq!(got.dataset.name, "alliance");
    assert!(got.sheets.is_empty() && got.sheet.is_none());
    assert!(got.warnings.is_empty());
}

#[test]
fn a_utf8_bom_does_not_leak_into_the_first_column_name() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(TABLE.as_bytes());
    let got = read("bom.csv", &bytes);
    check_table(&got);
    assert_eq!(got.encoding, Some("UTF-8"));
}

#[test]
fn utf16_with_a_bom_is_decoded_in_both_byte_orders() {
    let tsv = TABLE.replace(',', "\t");
    let le = read("u.txt", &utf16(&tsv, true));
    check_table(&le);
    assert_eq!(le.encoding, Some("UTF-16LE"));
    assert_eq!(le.delimiter, Some(b'\t'));
    let be = read("u.txt", &utf16(&tsv, false));
    check_table(&be);
    assert_eq!(be.encoding, Some("UTF-16BE"));
}

#[test]
fn gbk_bytes_are_detected_as_gb18030() {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(TABLE);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test needs non-UTF-8 bytes"
    );
    let got = read("gbk.csv", &bytes);
    check_table(&got);
    assert_eq!(got.encoding, Some("gb18030"));
}

#[test]
fn the_committed_gbk_sample_reads_like_the_utf8_table() {
    let got = read("sample_gbk.csv", &sample("sample_gbk.csv"));
    check_table(&got);
    assert_eq!(got.encoding, Some("gb18030"));
}

#[test]
fn the_user_can_override_the_encoding() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("name,v\ncafé,1\n");
    // Detection would say GB18030 (the bytes happen to decode); the user knows better.
    let opts = ImportOptions {
        encoding: Some("windows-1252".into()),
        ..ImportOptions::default()
    };
    let got = import("x.csv", &bytes, &opts).unwrap();
    assert_eq!(got.encoding, Some("windows-1252"));
    assert_eq!(got.dataset.columns[0].data, text(&[Some("café")]));
    // A GBK file forced to UTF-8 is refused, saying where.
    let (gbk, _, _) = encoding_rs::GBK.encode(TABLE);
    let utf8 = ImportOptions {
        encoding: Some("utf-8".into()),
        ..ImportOptions::default()
    };
    assert!(matches!(
        import("x.csv", &gbk, &utf8),
        Err(DataError::Undecodable { ref encoding, offset: 0 }) if encoding == "UTF-8"
    ));
    let bogus = ImportOptions {
        encoding: Some("no-such-encoding".into()),
        ..ImportOptions::default()
    };
    assert_eq!(
        import("x.csv", TABLE.as_bytes(), &bogus).unwrap_err(),
        DataError::UnknownEncoding {
            label: "no-such-encoding".into()
        }
    );
}

#[test]
fn comma_tab_and_semicolon_files_are_told_apart() {
    for (delim, name) in [(',', "c.csv"), ('\t', "t.tsv"), (';', "s.csv")] {
        let got = read(name, TABLE.replace(',', &delim.to_string()).as_bytes());
        check_table(&got);
        assert_eq!(got.delimiter, Some(delim as u8));
    }
}

#[test]
fn quoted_fields_may_hold_delimiters_quotes_and_newlines() {
    let csv = "name,note,v\n\"Smith, J.\",\"said \"\"hi\"\"\nthen left\",1\nLee,plain,2\n";
    let got = read("q.csv", csv.as_bytes());
    assert_eq!(got.delimiter, Some(b','));
    let d = &got.dataset;
    assert_eq!(d.columns[0].data, text(&[Some("Smith, J."), Some("Lee")]));
    assert_eq!(
        d.columns[1].data,
        text(&[Some("said \"hi\"\nthen left"), Some("plain")])
    );
    assert_eq!(d.numeric("v").unwrap(), vec![Some(1.0), Some(2.0)]);
}

#[test]
fn semicolon_files_may_use_a_decimal_comma() {
    let got = read("eu.csv", b"case;x;y\nA;0,81;1.5\nB;\"0,5\";-2\nC;1;NA\n");
    assert_eq!(got.delimiter, Some(b';'));
    assert_eq!(
        got.dataset.numeric("x").unwrap(),
        vec![Some(0.81), Some(0.5), Some(1.0)]
    );
    assert_eq!(
        got.dataset.numeric("y").unwrap(),
        vec![Some(1.5), Some(-2.0), None]
    );
}

#[test]
fn a_decimal_comma_is_text_unless_the_delimiter_is_a_semicolon() {
    let got = read("t.tsv", b"case\tx\nA\t0,81\nB\t1\n");
    assert_eq!(
        got.dataset.columns[1].data,
        text(&[Some("0,81"), Some("1")])
    );
}

#[test]
fn an_excel_sep_line_names_the_delimiter_and_is_skipped() {
    let got = read("x.csv", b"sep=;\r\na;b,c\n1;2,5\n3;4\n");
    assert_eq!(got.delimiter, Some(b';'));
    assert_eq!(got.dataset.columns[1].name, "b,c");
    assert_eq!(
        got.dataset.numeric("b,c").unwrap(),
        vec![Some(2.5), Some(4.0)]
    );
    let e = read_err("x.csv", b"SEP=,\na,b\n1\n");
    assert_eq!(
        e,
        DataError::RaggedRow {
            line: 3,
            expected: 2,
            found: 1
        }
    );
    // not a hint: a column named "sep=x"
    let got = read("x.csv", b"sep=xy,b\n1,2\n");
    assert_eq!(got.dataset.columns[0].name, "sep=xy");
}

#[test]
fn thousands_separators_in_quoted_fields_are_numbers() {
    let got = read(
        "t.csv",
        b"county,pop\nA,\"1,234,567\"\nB,\"89,012.5\"\nC,12\n",
    );
    assert_eq!(
        got.dataset.numeric("pop").unwrap(),
        vec![Some(1_234_567.0), Some(89_012.5), Some(12.0)]
    );
    let got = read("t.csv", b"county;pop\nA;1.234.567,5\nB;0,5\n");
    assert_eq!(
        got.dataset.numeric("pop").unwrap(),
        vec![Some(1_234_567.5), Some(0.5)]
    );
}

#[test]
fn the_user_can_override_the_delimiter() {
    let opts = ImportOptions {
        delimiter: Some(b'|'),
        ..ImportOptions::default()
    };
    let got = import("p.txt", b"a|b,c\n1|2,3\n", &opts).unwrap();
    assert_eq!(got.delimiter, Some(b'|'));
    assert_eq!(got.dataset.columns[1].name, "b,c");
}

#[test]
fn missing_values_are_counted_and_never_zero() {
    let csv = "v,w\n1,a\n,b\nNA,c\nna,d\n N/A ,e\n.,f\n-,g\n3,h\n";
    let got = read("m.csv", csv.as_bytes());
    let v = got.dataset.numeric("v").unwrap();
    assert_eq!(
        v,
        vec![Some(1.0), None, None, None, None, None, None, Some(3.0)]
    );
    let s = &got.dataset.summaries()[0];
    assert_eq!((s.kind, s.count, s.missing), (ColumnKind::Numeric, 2, 6));
    assert_eq!((s.min, s.max, s.mean), (Some(1.0), Some(3.0), Some(2.0)));
}

#[test]
fn a_column_with_one_word_is_text_and_keeps_its_spelling() {
    let got = read("t.csv", b"id,v\n007,1\n1.50,2\nx,3\n");
    assert_eq!(
        got.dataset.columns[0].data,
        text(&[Some("007"), Some("1.50"), Some("x")])
    );
    assert_eq!(got.dataset.summaries()[0].kind, ColumnKind::Text);
    assert!(matches!(
        got.dataset.numeric("id"),
        Err(DataError::NotNumeric { row: 3, .. })
    ));
}

#[test]
fn the_original_spelling_survives_slices_and_skipped_rows() {
    let csv = "id,v\n007,1\n\n,\n1.50,2\n\n\"08\",3\nx,4\n";
    for k in [1, 2, 100] {
        let mut job =
            DelimitedImport::new("s.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
        while !job.step(k).unwrap().done {}
        let got = job.finish().unwrap();
        assert_eq!(
            got.dataset.columns[0].data,
            text(&[Some("007"), Some("1.50"), Some("08"), Some("x")]),
            "slices of {k}"
        );
    }
}

#[test]
fn excel_error_values_in_a_csv_are_missing_with_a_warning() {
    let got = read("e.csv", b"v\n1\n#DIV/0!\n#N/A\n2\n");
    assert_eq!(
        got.dataset.numeric("v").unwrap(),
        vec![Some(1.0), None, None, Some(2.0)]
    );
    assert_eq!(
        got.warnings,
        vec![ImportWarning::ErrorCells {
            column: "v".into(),
            count: 2,
            first_row: 2
        }]
    );
}

#[test]
fn crlf_line_ends_and_blank_lines_are_handled() {
    let got = read("w.csv", b"a,b\r\n1,2\r\n\r\n3,4\r\n,\r\n");
    assert_eq!(
        got.dataset.numeric("b").unwrap(),
        vec![Some(2.0), Some(4.0)]
    );
    assert_eq!(
        got.warnings,
        vec![ImportWarning::EmptyRowsSkipped {
            count: 1,
            first_line: 5
        }]
    );
}

#[test]
fn trailing_unnamed_empty_columns_are_dropped_with_a_warning() {
    let got = read("x.csv", b"a,b,,\n1,2,,\n3,4,,\n");
    assert_eq!(got.dataset.n_columns(), 2);
    assert_eq!(
        got.warnings,
        vec![ImportWarning::EmptyColumnsDropped {
            columns: vec![3, 4]
        }]
    );
}

// ------------------------------------------------------------------ pasting

#[test]
fn cells_pasted_from_excel_are_tab_separated() {
    let got = import_pasted("县域\t得分\r\n甲县\t0.5\r\n\"乙\n县\"\tNA\r\n").unwrap();
    assert_eq!(got.delimiter, Some(b'\t'));
    assert_eq!(got.dataset.name, "pasted");
    assert_eq!(
        got.dataset.columns[0].data,
        text(&[Some("甲县"), Some("乙\n县")])
    );
    assert_eq!(got.dataset.numeric("得分").unwrap(), vec![Some(0.5), None]);
}

#[test]
fn pasted_text_without_tabs_is_sniffed() {
    let got = import_pasted("a;b\n1;2,5\n").unwrap();
    assert_eq!(got.delimiter, Some(b';'));
    assert_eq!(got.dataset.numeric("b").unwrap(), vec![Some(2.5)]);
    assert_eq!(import_pasted("  \n").unwrap_err(), DataError::Empty);
}

// -------------------------------------------------------------- incremental

fn big_csv(rows: usize) -> String {
    let mut s = String::from("case,x,y,note\n");
    for i in 0..rows {
        let y = if i.is_multiple_of(7) {
            "NA".to_owned()
        } else {
            format!("{}", i as f64 / 8.0)
        };
        s.push_str(&format!("c{i},{i},{y},\"n, {i}\"\n"));
    }
    s
}

#[test]
fn an_import_in_slices_reports_progress_and_equals_the_whole_import() {
    let csv = big_csv(1000);
    let whole = read("big.csv", csv.as_bytes());
    let mut job = DelimitedImport::new(
        "big.csv",
        csv.clone().into_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!((job.encoding(), job.delimiter()), ("UTF-8", Some(b',')));
    let mut last = job.progress();
    assert_eq!((last.rows_done, last.bytes_total), (0, csv.len()));
    let mut steps = 0;
    while !last.done {
        let p = job.step(64).unwrap();
        assert!(p.rows_done >= last.rows_done && p.bytes_done >= last.bytes_done);
        assert!(p.rows_done - last.rows_done <= 64);
        last = p;
        steps += 1;
    }
    assert!(steps >= 1000 / 64);
    assert_eq!((last.rows_done, last.bytes_done), (1000, csv.len()));
    assert!((last.fraction() - 1.0).abs() < f64::EPSILON);
    assert_eq!(job.finish().unwrap(), whole);
    assert_eq!(whole.dataset.summaries()[2].missing, 1000_usize.div_ceil(7));
}

#[test]
fn a_gbk_file_is_decoded_in_slices_before_its_rows_are_read() {
    let csv = big_csv(80_000).replacen("case", "县域", 1);
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    assert!(gbk.len() > DECODE_SLICE_BYTES);
    let mut job = DelimitedImport::new("g.csv", gbk.to_vec(), &ImportOptions::default()).unwrap();
    assert_eq!((job.encoding(), job.delimiter()), ("gb18030", None));
    let mut phases = Vec::new();
    let mut last_decoded = 0;
    let mut last_fraction = 0.0;
    loop {
        let p = job.step(10_000).unwrap();
        assert!(p.transcoded);
        assert!(
            p.fraction() >= last_fraction,
            "the progress bar never goes back"
        );
        last_fraction = p.fraction();
        if p.phase == Phase::Decoding {
            assert!(
                p.bytes_done > last_decoded && p.bytes_done - last_decoded <= DECODE_SLICE_BYTES
            );
            assert_eq!((p.bytes_total, p.rows_done), (gbk.len(), 0));
            last_decoded = p.bytes_done;
        }
        phases.push(p.phase);
        if p.done {
            break;
        }
    }
    assert_eq!(phases.first(), Some(&Phase::Decoding));
    assert_eq!(phases.last(), Some(&Phase::Reading));
    assert_eq!(job.delimiter(), Some(b','));
    let got = job.finish().unwrap();
    let want = read("g.csv", csv.as_bytes());
    assert_eq!(got.dataset, want.dataset);
    assert_eq!(got.encoding, Some("gb18030"));
}

#[test]
fn header_errors_of_a_transcoded_file_come_from_step() {
    let (gbk, _, _) = encoding_rs::GBK.encode("名称,名称\n甲,1\n");
    let mut job = DelimitedImport::new("g.csv", &gbk[..], &ImportOptions::default()).unwrap();
    assert_eq!(
        job.step(10).unwrap_err(),
        DataError::DuplicateColumnName {
            name: "名称".into(),
            first: 1,
            second: 2
        }
    );
    let bom_only = utf16("", true);
    assert_eq!(read_err("e.txt", &bom_only), DataError::Empty);
}

#[test]
fn finish_reads_whatever_is_left() {
    let csv = big_csv(10);
    let mut job = DelimitedImport::new("b.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    job.step(3).unwrap();
    assert_eq!(job.finish().unwrap(), read("b.csv", csv.as_bytes()));
}

// ---------------------------------------------------------------- workbooks

fn check_workbook(got: &Imported) {
    let d = &got.dataset;
    let names: Vec<&str> = d.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["县域", "规模", "信息平台", "达标", "日期", "比率", "编号"]
    );
    assert_eq!(
        d.columns[0].data,
        text(&[Some("甲县"), Some("乙县"), Some("丙县")])
    );
    assert_eq!(d.columns[1].data, num(&[Some(12.0), Some(7.5), Some(3.0)]));
    // an empty cell and the string "NA"
    assert_eq!(d.columns[2].data, num(&[Some(0.8), None, None]));
    // booleans are 1 / 0
    assert_eq!(d.columns[3].data, num(&[Some(1.0), Some(0.0), Some(1.0)]));
    // dates are ISO text
    assert_eq!(
        d.columns[4].data,
        text(&[
            Some("2024-03-01"),
            Some("2024-03-02"),
            Some("2024-03-03 08:30:00")
        ])
    );
    // an error cell is missing
    assert_eq!(d.columns[5].data, num(&[Some(0.5), None, Some(0.25)]));
    // codes stored as text keep their spelling
    assert_eq!(
        d.columns[6].data,
        text(&[Some("007"), Some("1.50"), Some("A12")])
    );
    assert_eq!(got.sheet.as_deref(), Some("县域数据"));
    assert_eq!(got.encoding, None);
    assert_eq!(got.delimiter, None);
    assert!(got.warnings.contains(&ImportWarning::DatesAsText {
        column: "日期".into()
    }));
    assert!(got.warnings.contains(&ImportWarning::ErrorCells {
        column: "比率".into(),
        count: 1,
        first_row: 2
    }));
    assert_eq!(d.guess_case_column(), Some(0));
}

#[test]
fn xlsx_xls_and_ods_read_the_same_table() {
    for name in ["sample.xlsx", "sample.xls", "sample.ods"] {
        let got = read(name, &sample(name));
        check_workbook(&got);
        assert_eq!(got.sheets[..2], ["县域数据", "Second"], "{name}");
    }
    assert_eq!(read("sample.xlsx", &sample("sample.xlsx")).sheets.len(), 3);
}

#[test]
fn workbooks_are_recognised_by_content_not_by_name() {
    let got = read("download", &sample("sample.xlsx"));
    check_workbook(&got);
    let got = read("export.csv", &sample("sample.xls"));
    check_workbook(&got);
    let got = read("noext", &sample("sample.ods"));
    check_workbook(&got);
}

#[test]
fn the_sheet_chooser_reads_the_named_sheet() {
    for name in ["sample.xlsx", "sample.xls", "sample.ods"] {
        let opts = ImportOptions {
            sheet: Some("Second".into()),
            ..ImportOptions::default()
        };
        let got = import(name, &sample(name), &opts).unwrap();
        assert_eq!(got.sheet.as_deref(), Some("Second"));
        assert_eq!(got.dataset.columns[0].data, text(&[Some("A"), Some("B")]));
        assert_eq!(
            got.dataset.numeric("x").unwrap(),
            vec![Some(1.0), Some(2.0)]
        );
    }
}

#[test]
fn a_missing_sheet_lists_the_sheets_there_are() {
    let opts = ImportOptions {
        sheet: Some("Sheet9".into()),
        ..ImportOptions::default()
    };
    let e = import("sample.xls", &sample("sample.xls"), &opts).unwrap_err();
    assert_eq!(
        e,
        DataError::MissingSheet {
            name: "Sheet9".into(),
            available: vec!["县域数据".into(), "Second".into()]
        }
    );
    assert!(e.to_string().contains("Sheet9"));
}

#[test]
fn an_empty_sheet_is_refused_by_name() {
    for name in ["sample.xlsx", "sample.ods"] {
        let opts = ImportOptions {
            sheet: Some("空表".into()),
            ..ImportOptions::default()
        };
        assert_eq!(
            import(name, &sample(name), &opts).unwrap_err(),
            DataError::EmptySheet {
                sheet: "空表".into()
            }
        );
    }
}

#[test]
fn a_damaged_workbook_is_unreadable_not_a_panic() {
    let xlsx = sample("sample.xlsx");
    let e = read_err("cut.xlsx", &xlsx[..xlsx.len() / 2]);
    assert!(
        matches!(e, DataError::UnreadableWorkbook { ref format, .. } if format == "XLSX"),
        "{e:?}"
    );
    let xls = sample("sample.xls");
    let e = read_err("cut.xls", &xls[..600]);
    assert!(
        matches!(e, DataError::UnreadableWorkbook { ref format, .. } if format == "XLS"),
        "{e:?}"
    );
    let e = read_err("fake.xlsx", b"PK\x03\x04 this is not a zip archive");
    assert!(matches!(e, DataError::UnreadableWorkbook { .. }), "{e:?}");
    let e = read_err("fake.xls", b"\x01\x02\0\0garbage");
    assert!(
        matches!(e, DataError::UnreadableWorkbook { ref format, .. } if format == "XLS"),
        "{e:?}"
    );
}

#[test]
fn an_xls_with_impossible_sheet_dimensions_is_refused_before_calamine_allocates() {
    let mut xls = sample("sample.xls");
    let pos = xls
        .windows(4)
        .position(|w| w == b"\x00\x02\x0e\x00")
        .expect("the sample has a DIMENSIONS record");
    // first row after the last row: calamine would reserve ~2^32 rows
    xls[pos + 4..pos + 8].copy_from_slice(&0xFFFF_FF00_u32.to_le_bytes());
    let e = read_err("bad.xls", &xls);
    assert!(
        matches!(e, DataError::UnreadableWorkbook { ref format, .. } if format == "XLS"),
        "{e:?}"
    );
}

#[test]
fn a_text_file_with_a_workbook_extension_is_read_as_text() {
    let got = read("report.xls", TABLE.as_bytes());
    check_table(&got);
}

// ---------------------------------------------------------------- bad input

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(read_err("e.csv", b""), DataError::Empty);
    assert_eq!(read_err("e.csv", b" \r\n\n\t"), DataError::Empty);
    assert_eq!(read_err("e.csv", b"\xEF\xBB\xBF"), DataError::Empty);
}

#[test]
fn a_header_without_rows_is_refused() {
    assert_eq!(read_err("h.csv", b"a,b,c"), DataError::NoRows);
    assert_eq!(read_err("h.csv", b"a,b,c\r\n\r\n"), DataError::NoRows);
    assert_eq!(read_err("h.csv", b"a,b,c\n,,\n"), DataError::NoRows);
}

#[test]
fn duplicate_column_names_are_refused_naming_both_columns() {
    let e = read_err("d.csv", b"x,y, x\n1,2,3\n");
    assert_eq!(
        e,
        DataError::DuplicateColumnName {
            name: "x".into(),
            first: 1,
            second: 3
        }
    );
    assert_eq!(e.to_string(), "columns 1 and 3 are both named `x`");
}

#[test]
fn an_empty_column_name_over_data_is_refused() {
    let e = read_err("n.csv", b"a, ,c\n1,2,3\n");
    assert_eq!(e, DataError::EmptyColumnName { column: 2 });
    assert!(e.to_string().contains("column 2"));
}

#[test]
fn ragged_rows_are_refused_with_line_and_field_counts() {
    let e = read_err("r.csv", b"a,b,c\n1,2,3\n4,5\n");
    assert_eq!(
        e,
        DataError::RaggedRow {
            line: 3,
            expected: 3,
            found: 2
        }
    );
    assert_eq!(e.to_string(), "line 3 has 2 fields, but the header has 3");
    // lines count the newlines inside quoted fields and blank lines
    let e = read_err("r.csv", b"a,b\n\"x\ny\",1\n\n2,3,4\n");
    assert_eq!(
        e,
        DataError::RaggedRow {
            line: 5,
            expected: 2,
            found: 3
        }
    );
}

#[test]
fn a_binary_file_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(read_err("pic.csv", png), DataError::Binary { offset: 8 });
    let pdf_like = b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n1 0 obj\n\0";
    assert!(matches!(
        read_err("doc.csv", pdf_like),
        DataError::Binary { .. }
    ));
}

#[test]
fn bytes_that_are_no_known_encoding_are_refused_with_the_offset() {
    let e = read_err("x.csv", b"a,b\n1,\xff\xfe\xfd\n");
    assert_eq!(
        e,
        DataError::Undecodable {
            encoding: "UTF-8".into(),
            offset: 6
        }
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_decoding() {
    let bytes = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let e = read_err("huge.csv", &bytes);
    assert_eq!(
        e,
        DataError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        }
    );
    assert!(matches!(
        DelimitedImport::new("huge.csv", &bytes[..], &ImportOptions::default()),
        Err(DataError::TooLarge { .. })
    ));
}

// ------------------------------------------------------ dataset operations

#[test]
fn case_names_come_from_the_chosen_column() {
    let mut d = read("a.csv", TABLE.as_bytes()).dataset;
    assert_eq!(d.case_names(), ["1", "2", "3"]);
    let guess = d.guess_case_column();
    assert_eq!(guess, Some(0));
    d.set_case_column(guess).unwrap();
    assert_eq!(d.case_names(), ["甲县", "乙县", "丙县"]);
    d.set_case_column(Some(2)).unwrap();
    assert_eq!(d.case_names(), ["0.8", "2", "3"]);
    assert_eq!(
        d.set_case_column(Some(3)).unwrap_err(),
        DataError::ColumnOutOfRange {
            index: 3,
            columns: 3
        }
    );
}

#[test]
fn no_case_column_is_guessed_when_names_repeat_or_are_missing() {
    let d = read("a.csv", b"g,h,v\nA,x,1\nA,,2\nB,y,3\n").dataset;
    assert_eq!(d.guess_case_column(), None);
}

#[test]
fn a_dataset_survives_a_json_round_trip() {
    let mut d = read("a.csv", TABLE.as_bytes()).dataset;
    d.set_case_column(Some(0)).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    let back: Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
}

// ---------------------------------------------------------- property tests

fn file_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a.csv", "a.tsv", "a.txt", "a.xlsx", "a.xls", "a.ods", "a.xlsb", "a",
    ])
    .prop_map(str::to_owned)
}

fn check_shape(got: &Imported) {
    let d = &got.dataset;
    assert!(d.n_columns() > 0 && d.n_rows() > 0);
    for c in &d.columns {
        assert_eq!(c.data.len(), d.n_rows());
        assert!(!c.name.is_empty());
        if let ColumnData::Numeric(v) = &c.data {
            assert!(v.iter().flatten().all(|x| x.is_finite()));
        }
    }
    assert_eq!(d.summaries().len(), d.n_columns());
    assert_eq!(d.case_names().len(), d.n_rows());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(
        name in file_name(),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
        encoding in prop::option::of(prop::sample::select(vec!["utf-8", "utf-16le", "utf-16be", "gbk", "windows-1252", "big5", "bogus"])),
        delimiter in prop::option::of(any::<u8>()),
    ) {
        let opts = ImportOptions { encoding: encoding.map(str::to_owned), delimiter, sheet: None };
        for opts in [ImportOptions::default(), opts] {
            if let Ok(got) = import(&name, &bytes, &opts) {
                check_shape(&got);
            }
        }
    }

    #[test]
    fn random_bytes_behind_a_workbook_signature_never_panic(
        name in file_name(),
        zip in any::<bool>(),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut bytes = if zip { b"PK\x03\x04".to_vec() } else { b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec() };
        bytes.extend(tail);
        let _ = import(&name, &bytes, &ImportOptions::default());
    }

    // XLSX and ODS only: calamine's XLS reader can panic on damaged files
    // (see analysis::data::workbook, "Robustness").
    #[test]
    fn damaged_xlsx_and_ods_files_never_panic(
        which in 0usize..2,
        at in any::<prop::sample::Index>(),
        len in 1usize..64,
        fill in any::<u8>(),
    ) {
        let name = ["sample.xlsx", "sample.ods"][which];
        let mut bytes = sample(name);
        let start = at.index(bytes.len());
        let end = (start + len).min(bytes.len());
        bytes[start..end].fill(fill);
        if let Ok(got) = import(name, &bytes, &ImportOptions::default()) {
            check_shape(&got);
        }
    }

    #[test]
    fn csv_like_text_never_panics_and_any_success_is_rectangular(
        cells in prop::collection::vec(
            prop::sample::select(vec!["a", "1", "0,5", "2.5", "NA", "", " ", "\"", "\"x,y\"", ",", ";", "\t", "\n", "\r\n", "-", "#N/A", "县"]),
            0..80,
        ),
        delimiter in prop::option::of(prop_oneof![prop::sample::select(vec![b',', b';', b'\t']), any::<u8>()]),
    ) {
        let text: String = cells.concat();
        let opts = ImportOptions { delimiter, ..ImportOptions::default() };
        if let Ok(got) = import("p.csv", text.as_bytes(), &opts) {
            check_shape(&got);
        }
        if let Ok(got) = import_pasted(&text) {
            check_shape(&got);
        }
    }

    #[test]
    fn numbers_written_as_csv_read_back_exactly(
        rows in prop::collection::vec(prop::collection::vec(prop::option::of(-1e9f64..1e9), 3), 1..20),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
    ) {
        let d = char::from(delimiter);
        let mut text = format!("a{d}b{d}c\n");
        for row in &rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    None => "NA".to_owned(),
                    Some(x) if delimiter == b';' => x.to_string().replace('.', ","),
                    Some(x) => x.to_string(),
                })
                .collect();
            text.push_str(&cells.join(&d.to_string()));
            text.push('\n');
        }
        let got = import("n.csv", text.as_bytes(), &ImportOptions::default()).unwrap();
        prop_assert_eq!(got.delimiter, Some(delimiter));
        for (j, name) in ["a", "b", "c"].iter().enumerate() {
            let want: Vec<Option<f64>> = rows.iter().map(|r| r[j]).collect();
            prop_assert_eq!(got.dataset.numeric(name).unwrap(), want);
        }
    }
}
