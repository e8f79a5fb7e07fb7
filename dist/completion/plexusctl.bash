# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for plexusctl. The commands and each command's options come
# from plexusctl itself (--commands, COMMAND --help) when completing, so they
# follow its registry of operations.
_plexusctl()
{
    local ctl=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$("$ctl" --commands 2>/dev/null) --help --version" -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$("$ctl" "${COMP_WORDS[1]}" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*')" -- "$cur"))
    else
        # Devices and arrays are paths (/dev/sdb1, /dev/md0); so are --mdstat FILE and --exec PROGRAM.
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _plexusctl plexusctl
