#!/usr/bin/env zsh
# Prints the completions zsh offers for a command line, one per line ("word -- description").
# Usage: capture.zsh COMPLETIONS_DIR WORKING_DIR 'vetcheck packs show '
# After zsh-capture-completion (Valodim, MIT): an interactive zsh in a pseudo-terminal whose compadd
# prints what it is given, between two NUL lines.
zmodload zsh/zpty || exit 2
local rc_dir=$(mktemp -d)
trap 'rm -rf $rc_dir' EXIT
cat >$rc_dir/.zshrc <<RC
cd ${(q)2}
fpath=(${(q)1} \$fpath)
PROMPT=
autoload -U compinit && compinit -u -D
RC
cat >>$rc_dir/.zshrc <<'RC'
bindkey '^M' undefined
bindkey '^J' undefined
bindkey '^I' complete-word
null-line () { echo -E - $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  [[ -n $__hits ]] || return
  local i dscr
  for i in {1..$#__hits}; do
    (( $#__dscr >= $i )) && dscr=" -- ${${__dscr[$i]}##$__hits[$i] #}" || dscr=
    echo -E - $IPREFIX$__hits[$i]$dscr
  done
}
RC
export ZDOTDIR=$rc_dir
zpty z zsh -i
local line
zpty -w z "$3"$'\t'
integer tog=0
while zpty -r z line; do
  line=${line%$'\n'}
  if [[ $line == *$'\0\r' ]]; then
    (( tog++ )) && return 0
    continue
  fi
  (( tog )) && echo -E - ${line%$'\r'}
done
return 1
