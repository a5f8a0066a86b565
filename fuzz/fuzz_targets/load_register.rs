//! Fuzz target: arbitrary bytes as a register file, through UTF-8, normalisation and the
//! parser. Never panics; every diagnostic is located inside the input.
#![no_main]

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::load_register(data));
