//! A build renders and writes its pages in batches (`render::BATCH` registers at a time) and
//! loads the registers again for it (issue 11): what it writes must be what rendering every
//! register in memory writes, and a failure in a late batch must leave the previous output as
//! it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use seloste::build::{self, BuildError, BuildOptions};
use seloste::pipeline::{self, Options};
use seloste::render::{self, FrontMatter, Marks, RenderOptions};

/// More than two batches, so that the last is partial.
const REGISTERS: usize = 2 * render::BATCH + 20;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn render_options(draft: bool) -> RenderOptions {
    RenderOptions {
        draft,
        front_matter: FrontMatter::Hugo,
        fragments: true,
        id_prefix: None,
        today: today(),
    }
}

/// A project of [`REGISTERS`] copies of a clean register, each titled by its number.
fn write_project(root: &Path) {
    let src = Path::new("tests/cmd/check-clean.in");
    fs::create_dir_all(root.join("notices")).unwrap();
    fs::copy(src.join("seloste.yaml"), root.join("seloste.yaml")).unwrap();
    let register = fs::read_to_string(src.join("notices/ajanvaraus.yaml")).unwrap();
    let (head, rest) = register.split_once('\n').unwrap();
    assert!(head.starts_with("title: "), "{head}");
    for i in 0..REGISTERS {
        fs::write(
            root.join(format!("notices/r{i:04}.yaml")),
            format!("title: Rekisteri {i:04}\n{rest}"),
        )
        .unwrap();
    }
}

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The hidden siblings a build uses beside `dir`.
fn siblings(dir: &Path) -> Vec<String> {
    fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".seloste-"))
        .collect()
}

/// `seloste build` as the command runs it: checked, then built in batches.
fn build_into(root: &Path, out: &Path, draft: bool) -> Result<build::Built, BuildError> {
    let mut outcome = pipeline::run_for_build(Some(root), Path::new("."), today());
    assert!(outcome.reload.is_some(), "{:?}", outcome.diagnostics);
    let opts = BuildOptions {
        out: Some(out.to_path_buf()),
        render: render_options(draft),
        deadline: build::render_deadline(REGISTERS),
    };
    build::build(&mut outcome, &opts, Arc::new(|| {}))
}

#[test]
fn a_build_in_batches_writes_what_rendering_all_in_memory_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    write_project(&root);
    for draft in [false, true] {
        let batched = tmp.path().join(format!("batched-{draft}"));
        let built = build_into(&root, &batched, draft).unwrap();
        assert_eq!(built.registers, REGISTERS);

        // The same project held in memory, every page rendered at once, written at once.
        let outcome = pipeline::run(
            Some(&root),
            Path::new("."),
            &Options {
                today: today(),
                keep_registers: true,
            },
        );
        let marks = if draft {
            Marks::from_diagnostics(
                &outcome.diagnostics,
                &outcome.sources,
                outcome.project.as_ref().map(|p| p.file),
            )
        } else {
            Marks::none()
        };
        let files = render::render(
            outcome.project.as_ref().unwrap(),
            &outcome.registers,
            &render::templates::builtin().unwrap(),
            &render_options(draft),
            &marks,
            &|| {},
        )
        .unwrap();
        assert_eq!(files.len(), 3 * REGISTERS + 3);
        let whole = tmp.path().join(format!("whole-{draft}"));
        render::write::write(&whole, &files).unwrap();

        let (a, b) = (tree(&batched), tree(&whole));
        assert_eq!(a.len(), 3 * REGISTERS + 4, "pages, index and manifest");
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (path, bytes) in &a {
            assert!(&b[path] == bytes, "{path} differs");
        }
    }
}

#[test]
fn a_register_changed_after_it_was_checked_is_not_built() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    write_project(&root);
    let out = tmp.path().join("dist");
    build_into(&root, &out, false).unwrap();
    let before = tree(&out);

    let mut outcome = pipeline::run_for_build(Some(&root), Path::new("."), today());
    // Changed in the last batch, after the check and before it is rendered.
    let late = root.join(format!("notices/r{:04}.yaml", REGISTERS - 1));
    let text = fs::read_to_string(&late).unwrap();
    fs::write(&late, text.replace("Rekisteri", "Muutettu rekisteri")).unwrap();
    let opts = BuildOptions {
        out: Some(out.clone()),
        render: render_options(false),
        deadline: build::render_deadline(REGISTERS),
    };
    match build::build(&mut outcome, &opts, Arc::new(|| {})) {
        Err(BuildError::Reload(e)) => {
            assert!(e.path.ends_with(late.file_name().unwrap()), "{e}");
            assert!(e.to_string().contains("changed"), "{e}");
        }
        other => panic!("expected a reload error, got {other:?}"),
    }
    assert!(tree(&out) == before, "the previous output changed");
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));
}

#[test]
fn a_template_failing_in_a_late_batch_leaves_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    write_project(&root);
    let out = tmp.path().join("dist");
    build_into(&root, &out, false).unwrap();
    fs::write(out.join("oma.txt"), "not seloste's").unwrap();
    let before = tree(&out);

    // A template that fails for one register of the last batch only: the batches before it
    // have been written into the staging directory by then.
    let last = format!("Rekisteri {:04}", REGISTERS - 1);
    fs::create_dir(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/register.md"),
        format!("# {{{{ title }}}}\n\n{{% if title == \"{last}\" %}}{{{{ no_such_thing.field }}}}{{% endif %}}\n"),
    )
    .unwrap();
    match build_into(&root, &out, false) {
        Err(BuildError::Render(e)) => {
            assert_eq!(
                e.register.as_deref(),
                Some(format!("r{:04}", REGISTERS - 1).as_str())
            );
        }
        other => panic!("expected a render error, got {other:?}"),
    }
    assert!(tree(&out) == before, "the previous output changed");
    assert!(siblings(&out).is_empty(), "{:?}", siblings(&out));

    // Without the failure the same templates build, and the foreign file stays.
    fs::write(root.join("templates/register.md"), "# {{ title }}\n").unwrap();
    build_into(&root, &out, false).unwrap();
    let page = fs::read_to_string(out.join("r0000.md")).unwrap();
    assert!(page.contains("title: \"Rekisteri 0000\""), "{page}");
    assert_eq!(
        fs::read_to_string(out.join("oma.txt")).unwrap(),
        "not seloste's"
    );
}
