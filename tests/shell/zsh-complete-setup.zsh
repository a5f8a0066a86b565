# Sourced by zsh-complete.zsh inside the interactive zsh it drives.
PROMPT=
fpath=($ZSH_COMPLETE_FPATH $fpath)
autoload -U compinit
compinit -u -D
# Never run the line; TAB completes.
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line () { print -r -- $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zmodload zsh/zutil
# Every candidate added is printed with its prefixes and suffixes, then added as usual.
compadd () {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return $?
    fi
    local -a __hits
    builtin compadd -A __hits "$@"
    setopt localoptions norcexpandparam extendedglob
    local -A apre hpre hsuf asuf
    zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
    local hit
    for hit in $__hits; do
        print -r -- $IPREFIX$apre$hpre$hit$hsuf$asuf
    done
}
print ok
