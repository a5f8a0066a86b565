#!/usr/bin/env zsh
# Prints the candidates zsh's completion system offers for a command line, one per line, as if
# TAB were pressed after it: `ZSH_COMPLETE_FPATH=DIR zsh zsh-complete.zsh 'seloste explain mis'`,
# with the completion function (`_seloste`) in DIR. zsh completes only inside its line editor,
# so this drives an interactive zsh in a pseudo-terminal (zsh/zpty) whose `compadd` prints what
# it is given; the technique of Valodim/zsh-capture-completion.
zmodload zsh/zpty || { print -u2 'zsh-complete: no zsh/zpty module'; exit 3 }
zpty z zsh -f -i
local line
zpty -w z "source ${(q)${0:A:h}}/zsh-complete-setup.zsh"
repeat 16; do
    zpty -r z line
    [[ $line == ok* ]] && break
done
zpty -w z "$*"$'\t'
integer seen=0
# The setup prints a NUL line before and after the candidates, then exits.
while zpty -r z; do :; done | while IFS= read -r line; do
    if [[ $line == *$'\0\r' ]]; then
        (( seen++ )) && exit 0 || continue
    fi
    (( seen )) && print -r -- ${line%$'\r'}
done
