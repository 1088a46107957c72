# bash completion for vetcheck: subcommands, options, their values, pack ids, indicator ids and
# plan files. Installed as share/bash-completion/completions/vetcheck; to try it from a checkout:
#   source completions/vetcheck.bash
# Pack and indicator ids come from the vetcheck being completed (`vetcheck packs`), so packs added
# in a newer version appear without changing this file.

_vetcheck_run() {
    # The program as typed (./build/vetcheck, vetcheck), its output in the C locale.
    LC_ALL=C.UTF-8 NO_COLOR=1 "$_vetcheck_cmd" "$@" 2>/dev/null
}

_vetcheck_pack_ids() {
    _vetcheck_run packs | while read -r id _; do printf '%s\n' "$id"; done
}

_vetcheck_indicator_ids() {
    local pack
    for pack in $(_vetcheck_pack_ids); do
        _vetcheck_run packs show "$pack" | sed -n 's/^  \([a-z0-9_]*\)  .*/\1/p'
    done | sort -u
}

_vetcheck_files() {  # plan and pack files, and directories to descend into
    local IFS=$'\n'
    COMPREPLY+=($(compgen -d -- "$1"))
    COMPREPLY+=($(compgen -f -X '!*.yaml' -- "$1") $(compgen -f -X '!*.yml' -- "$1"))
    compopt -o filenames 2>/dev/null
}

# Completes "a,b,c" lists: the words for what follows the last comma.
_vetcheck_list() {
    local cur=$1 words=$2 prefix=""
    [[ $cur == *,* ]] && prefix=${cur%,*},
    COMPREPLY=($(compgen -W "$words" -P "$prefix" -- "${cur##*,}"))
    compopt -o nospace 2>/dev/null
}

_vetcheck() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local _vetcheck_cmd=${COMP_WORDS[0]}
    COMPREPLY=()

    # Which subcommand we are in: the first word that names one (after `packs`, show, lint,
    # coverage or verify).
    local cmd="" sub="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            packs | explain | rollup | init | diff | history) [[ -z $cmd ]] && cmd=$word ;;
            show | lint | coverage | verify) [[ $cmd == packs && -z $sub ]] && sub=$word ;;
        esac
    done

    local formats="term json junit sarif github markdown csv html xlsx"
    local statuses="fail missing error advisory not-due behind waived none"
    case $prev in
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --fail-on) _vetcheck_list "$cur" "$statuses"; return ;;
        --level) COMPREPLY=($(compgen -W "national province city county school" -- "$cur")); return ;;
        --type) _vetcheck_list "$cur" "中职 高职 技工 职业本科"; return ;;
        --today) COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur")); return ;;
        --as-of | --max-file-size | --max-depth | --max-nodes | --max-expression-length | \
        --max-expression-depth | --max-institutions | -j | --jobs) return ;;
        -o | --output | --db | --history)
            local IFS=$'\n'
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null
            return ;;
        --pack)
            if [[ $cmd == init ]]; then
                _vetcheck_list "$cur" "$(_vetcheck_pack_ids)"
            else
                _vetcheck_files "$cur"
            fi
            return ;;
        -f | --format)
            if [[ $cmd == diff || $cmd == explain || $cmd == rollup || $cmd == history ]] ||
                [[ $cmd == packs && $sub != coverage && $sub != verify ]]; then
                COMPREPLY=($(compgen -W "term markdown json" -- "$cur"))
            elif [[ $cur == *=* ]]; then  # NAME=FILE
                local IFS=$'\n'
                COMPREPLY=($(compgen -f -P "${cur%%=*}=" -- "${cur#*=}"))
                compopt -o filenames 2>/dev/null
            else
                COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            fi
            return ;;
    esac

    local global="--help --version --pack --lang --color --fail-on --format --output --explain --all
        --as-of --today --history --max-file-size --max-depth --max-nodes --max-expression-length
        --max-expression-depth --max-institutions --jobs --summary"
    if [[ $cur == -* ]]; then
        local options=$global
        case $cmd in
            init) options="--help --pack --level --type --output" ;;
            diff) options="--help --format --output" ;;
            history) options="--help --db --format --output --lang" ;;
            packs)
                case $sub in
                    coverage) options="--help --source --unaccounted" ;;
                    verify) options="--help --source" ;;
                    *) options="--help --format" ;;
                esac ;;
            explain | rollup) options="--help --format" ;;
        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi

    case $cmd in
        "") COMPREPLY=($(compgen -W "packs explain rollup init diff history" -- "$cur")); _vetcheck_files "$cur" ;;
        packs)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "show lint coverage verify" -- "$cur"))
            elif [[ $sub == coverage || $sub == verify ]] && [[ $prev == --source ]]; then
                local IFS=$'\n'  # the source is a text file of any name
                COMPREPLY=($(compgen -f -- "$cur"))
                compopt -o filenames 2>/dev/null
            else
                COMPREPLY=($(compgen -W "$(_vetcheck_pack_ids)" -- "$cur"))
            fi ;;
        explain) COMPREPLY=($(compgen -W "$(_vetcheck_indicator_ids)" -- "$cur")) ;;
        rollup | diff) _vetcheck_files "$cur" ;;
        init | history) ;;  # a plan id: the database's, not known here
    esac
}

complete -F _vetcheck vetcheck
