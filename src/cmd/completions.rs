//! `seloste completions SHELL` and `seloste man`: generated from the command definitions.

use std::path::PathBuf;
use std::process::ExitCode;

use std::ffi::OsStr;
use std::fmt::Write as _;

use anyhow::Context;
use clap::CommandFactory;
use clap::builder::{PossibleValue, TypedValueParser};
use clap_complete::Shell;
use seloste::lint;

use super::{Cli, EXIT_INPUT, EXIT_OK, Output};

/// Arguments of `seloste completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste completions bash > ~/.local/share/bash-completion/completions/seloste\n  seloste completions zsh > ~/.zfunc/_seloste\n  seloste completions fish > ~/.config/fish/completions/seloste.fish\n  seloste completions powershell >> $PROFILE"
)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

/// Shells with completions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// The value parser of options that take rule names (`--select`, `--ignore`): a rule's exact
/// name, or the error of [`lint::rule_name`] (which says which rule was meant). Its possible
/// values — every rule of the registry with its summary — are what the completion scripts offer.
#[derive(Clone, Copy, Debug)]
pub struct RuleName;

impl TypedValueParser for RuleName {
    type Value = &'static str;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<&'static str, clap::Error> {
        lint::rule_name.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(rule_values())
    }
}

/// The value parser of `explain RULE`: any text (`explain` says itself which rule was meant),
/// with the rule names as possible values for the completion scripts.
#[derive(Clone, Copy, Debug)]
pub struct RuleNameHint;

impl TypedValueParser for RuleNameHint {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(rule_values())
    }
}

/// Every rule of the registry as a possible value, with its summary as help.
fn rule_values() -> Box<dyn Iterator<Item = PossibleValue>> {
    Box::new(
        lint::RULES
            .iter()
            .map(|r| PossibleValue::new(r.name).help(r.summary)),
    )
}

/// The completion script for `shell`: clap_complete's, with the options that take a
/// comma-separated list of rules (`--select a,b`) completing the name after the last comma,
/// which clap_complete's static scripts do not do.
pub fn script(shell: Shell) -> anyhow::Result<String> {
    // Every option, of any subcommand, that takes a comma-separated list of rules.
    let mut built = Cli::command();
    built.build();
    let lists: Vec<(String, String)> = built
        .get_subcommands()
        .flat_map(|sub| {
            sub.get_arguments()
                .filter(|a| {
                    a.get_value_delimiter() == Some(',')
                        && a.get_possible_values()
                            .first()
                            .is_some_and(|v| v.get_name() == lint::RULES[0].name)
                })
                .map(|a| (sub.get_name().to_string(), a.get_id().to_string()))
        })
        .collect();
    anyhow::ensure!(!lists.is_empty(), "no option takes a list of rules");
    let mut cmd = Cli::command();
    if matches!(shell, Shell::Zsh | Shell::Fish) {
        // These write the list themselves (below): clap_complete gets plain text options.
        for (sub, id) in &lists {
            cmd = cmd.mut_subcommand(sub, |c| {
                c.mut_arg(id, |a| {
                    a.value_parser(clap::builder::NonEmptyStringValueParser::new())
                        .value_hint(clap::ValueHint::Other)
                })
            });
        }
    }
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "seloste", &mut buf);
    let script = String::from_utf8(buf)?;
    let names: Vec<&str> = lint::RULES.iter().map(|r| r.name).collect();
    Ok(match shell {
        Shell::Bash => comma_lists_bash(&script, &names, lists.len())?,
        Shell::Zsh => comma_lists_zsh(&script, lists.len())?,
        Shell::Fish => comma_lists_fish(&script, &lists)?,
        _ => script,
    })
}

/// Replaces `from` in `script`, which must occur once per option that takes a list of rules:
/// a clap_complete that writes its scripts differently fails the tests instead of silently
/// losing the comma lists.
fn replace_all(script: &str, from: &str, to: &str, count: usize) -> anyhow::Result<String> {
    anyhow::ensure!(
        script.matches(from).count() == count,
        "the completion script no longer has `{from}` for each list of rules"
    );
    Ok(script.replace(from, to))
}

fn comma_lists_bash(script: &str, names: &[&str], count: usize) -> anyhow::Result<String> {
    let words = names.join(" ");
    let mut s = replace_all(
        script,
        &format!("$(compgen -W \"{words}\" -- \"${{cur}}\")"),
        "$(_seloste_rule_list \"${cur}\")",
        count,
    )?;
    s.push_str(&format!(
        r#"
# Rule names in a comma-separated list (--select, --ignore): the name after the last comma.
_seloste_rule_list() {{
    local prefix=""
    if [[ "$1" == *,* ]]; then
        prefix="${{1%,*}},"
    fi
    compgen -P "${{prefix}}" -W "{words}" -- "${{1##*,}}"
}}
"#
    ));
    Ok(s)
}

fn comma_lists_zsh(script: &str, count: usize) -> anyhow::Result<String> {
    let s = replace_all(
        script,
        "]:RULE:' \\",
        "]:RULE:_seloste_rule_list' \\",
        count,
    )?;
    let mut rules = String::new();
    for r in lint::RULES {
        // `name:summary` for _describe, in single quotes.
        let _ = writeln!(rules, "'{}:{}'", r.name, r.summary.replace('\'', r"'\''"));
    }
    let function = format!(
        r#"# Rule names in a comma-separated list (--select, --ignore): the name after the last comma.
(( $+functions[_seloste_rule_list] )) ||
_seloste_rule_list() {{
    local -a rules
    rules=(
{rules})
    _sequence -s , _describe -t rules 'rule' rules
}}

"#
    );
    let at = s
        .rfind("if [ \"$funcstack[1]\" = \"_seloste\" ]")
        .context("the zsh script no longer ends by calling _seloste")?;
    Ok(format!("{}{function}{}", &s[..at], &s[at..]))
}

fn comma_lists_fish(script: &str, lists: &[(String, String)]) -> anyhow::Result<String> {
    let mut s = String::with_capacity(script.len() + 8192);
    let mut patched = 0;
    for line in script.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let is_list = lists.iter().any(|(sub, id)| {
            body.starts_with(&format!(
                "complete -c seloste -n \"__fish_seloste_using_subcommand {sub}\" -l {id} "
            ))
        });
        if is_list && body.ends_with(" -r -f") {
            s.push_str(body);
            s.push_str(" -a \"(__fish_complete_list , __fish_seloste_rules)\"\n");
            patched += 1;
        } else {
            s.push_str(line);
        }
    }
    anyhow::ensure!(
        patched == lists.len(),
        "the fish script no longer has the options that take lists of rules as written"
    );
    s.push_str(
        "\n# The rules, with their summaries: `explain RULE`, and each name of --select/--ignore.\n\
         function __fish_seloste_rules\n",
    );
    for r in lint::RULES {
        // In fish's single quotes only `\` and `'` are special.
        let quote = |t: &str| t.replace('\\', r"\\").replace('\'', r"\'");
        let _ = writeln!(
            s,
            "    printf '%s\\t%s\\n' '{}' '{}'",
            r.name,
            quote(r.summary)
        );
    }
    s.push_str(
        "end\ncomplete -c seloste -n \"__fish_seloste_using_subcommand explain\" -f -a \"(__fish_seloste_rules)\"\n",
    );
    Ok(s)
}

/// Runs `seloste completions`.
pub fn execute(args: Args, out: &Output) -> anyhow::Result<ExitCode> {
    let shell = match args.shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
    };
    out.print(&script(shell)?)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Arguments of `seloste man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  seloste man | man -l -                 the top-level page\n  seloste man check > seloste-check.1     one subcommand's page\n  seloste man --out ~/.local/share/man/man1\n                                          every page (seloste.1, seloste-check.1, …)"
)]
pub struct ManArgs {
    /// The subcommand whose page to print (e.g. check); the top-level page if none.
    #[arg(value_name = "SUBCOMMAND")]
    pub command: Option<String>,
    /// Write every page into this directory (created if missing) instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,
}

/// Every manual page: the top-level `seloste.1`, then `seloste-<subcommand>.1` for each
/// subcommand, as (file name, roff). The top-level page lists the others under SUBCOMMANDS.
pub fn man_pages() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    for (i, c) in std::iter::once(&cmd)
        .chain(cmd.get_subcommands().filter(|s| !s.is_hide_set()))
        .enumerate()
    {
        let man = clap_mangen::Man::new(c.clone())
            .source(format!("seloste {}", super::version()))
            .manual("seloste");
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        if i > 0 {
            // A subcommand's page leads back to the top-level one, which lists them all.
            roff.extend_from_slice(b".SH \"SEE ALSO\"\n\\fBseloste\\fR(1)\n");
        }
        pages.push((man.get_filename(), roff));
    }
    Ok(pages)
}

/// Runs `seloste man`: one manual page in roff, or all of them into a directory.
pub fn execute_man(args: ManArgs, out: &Output) -> anyhow::Result<ExitCode> {
    let pages = man_pages()?;
    if let Some(dir) = args.out {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        for (name, roff) in &pages {
            let path = dir.join(name);
            std::fs::write(&path, roff).with_context(|| format!("writing {}", path.display()))?;
        }
        out.eprint(&format!(
            "wrote {} pages to {}\n",
            pages.len(),
            dir.display()
        ))?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    let name = match &args.command {
        Some(sub) => format!("seloste-{sub}.1"),
        None => "seloste.1".to_string(),
    };
    let Some((_, roff)) = pages.iter().find(|(n, _)| *n == name) else {
        let names: Vec<&str> = pages[1..]
            .iter()
            .filter_map(|(n, _)| n.strip_prefix("seloste-")?.strip_suffix(".1"))
            .collect();
        out.eprint(&format!(
            "error: no subcommand is named `{}`\nhelp: the subcommands are {}\n",
            args.command.unwrap_or_default(),
            names.join(", ")
        ))?;
        return Ok(ExitCode::from(EXIT_INPUT));
    };
    out.print(&String::from_utf8_lossy(roff))?;
    Ok(ExitCode::from(EXIT_OK))
}
