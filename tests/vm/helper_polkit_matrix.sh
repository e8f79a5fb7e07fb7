#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 1 --disk-size 64M
# cost: 190
# Which polkit action each request needs, as a tested property: polkit rules give
# each of a few throwaway users exactly one action (or the two a destructive
# request needs), then every D-Bus method, and every option that destroys data,
# is called as each user. Refused (org.plexus.Error.NotAuthorized naming the
# action) when the user lacks an action the request needs; accepted otherwise,
# which here means the call got past polkit: the requests name an array and a
# device that do not exist (no array runs for WriteMdadmConf; SetCheckSchedule's
# calendar is not one), so validation
# then refuses them with another error and nothing on the machine changes.
# Prints the matrix.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

M=org.plexus.array.modify C=org.plexus.array.create E=org.plexus.disk.erase S=org.plexus.array.scrub V=org.plexus.volume.modify
# user -> the actions polkit grants it (and nothing else).
declare -A GRANTS=([pm_modify]=$M [pm_create]=$C [pm_erase]=$E [pm_scrub]=$S [pm_volume]=$V
                   [pm_modify_erase]="$M $E" [pm_create_erase]="$C $E" [pm_volume_erase]="$V $E")
USERS=(pm_modify pm_create pm_erase pm_scrub pm_volume pm_modify_erase pm_create_erase pm_volume_erase)

step "users and polkit rules: each user exactly its actions"
rules=/run/plexus-matrix.rules
{
    echo 'var grants = {'
    for u in "${USERS[@]}"; do
        printf '  "%s": [%s],\n' "$u" "$(printf '"%s",' ${GRANTS[$u]} | sed 's/,$//')"
    done
    echo '};'
    cat <<'EOF2'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.plexus.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "root")
        return polkit.Result.YES;
    var mine = grants[subject.user] || [];
    return mine.indexOf(action.id) >= 0 ? polkit.Result.YES : polkit.Result.NO;
});
EOF2
} > $rules
for u in "${USERS[@]}"; do id "$u" >/dev/null 2>&1 || useradd -M -s /bin/sh "$u"; done
HELPER_RULES=$rules install_helper

# A device and an array that do not exist: whatever gets past polkit is then
# refused by validation, so the machine never changes.
DEV="('/dev/vdz', 'PLXNONE', 1048576)"
DEV2="('/dev/vdy', 'PLXNONE', 1048576)"
MD=/dev/md97
# name|needed actions|method;argument;... (each argument in gdbus's GVariant text)
CALLS=(
    "CreateArray|$C|CreateArray;$MD;raid1;[$DEV,$DEV2];[];{}"
    "CreateArray overwrite|$C $E|CreateArray;$MD;raid1;[$DEV,$DEV2];[];{'overwrite':<true>}"
    "CreateArray partition_disks|$C $E|CreateArray;$MD;raid1;[$DEV,$DEV2];[];{'partition_disks':<true>}"
    "StopArray|$M|StopArray;$MD;{}"
    "AssembleArray|$M|AssembleArray;$MD;[$DEV];{}"
    "AssembleArray keep|$M $E|AssembleArray;$MD;[$DEV];{'keep':<'/dev/vdb'>}"
    "AddMember|$M|AddMember;$MD;$DEV;{}"
    "AddMember overwrite|$M $E|AddMember;$MD;$DEV;{'overwrite':<true>}"
    "AddMember partition_like|$M $E|AddMember;$MD;$DEV;{'partition_like':<true>}"
    "AddSpare|$M|AddSpare;$MD;$DEV;{}"
    "AddSpare overwrite|$M $E|AddSpare;$MD;$DEV;{'overwrite':<true>}"
    "AddSpare partition_like|$M $E|AddSpare;$MD;$DEV;{'partition_like':<true>}"
    "FailMember|$M|FailMember;$MD;$DEV;{}"
    "RemoveMember|$M|RemoveMember;$MD;$DEV;{}"
    "RemoveMember zero_superblock|$M $E|RemoveMember;$MD;$DEV;{'zero_superblock':<true>}"
    "ReplaceMember|$M|ReplaceMember;$MD;$DEV;$DEV2;{}"
    "ReplaceMember overwrite|$M $E|ReplaceMember;$MD;$DEV;$DEV2;{'overwrite':<true>}"
    "ReplaceMember partition_like|$M $E|ReplaceMember;$MD;$DEV;$DEV2;{'partition_like':<true>}"
    "ReplaceMember zero_superblock|$M $E|ReplaceMember;$MD;$DEV;$DEV2;{'zero_superblock':<true>}"
    "ReplaceDisk|$M $E|ReplaceDisk;$DEV;$DEV2;{}"
    "ReplaceDisk zero_superblock|$M $E|ReplaceDisk;$DEV;$DEV2;{'zero_superblock':<true>}"
    "TakeDiskOut|$M|TakeDiskOut;$DEV;{}"
    "MirrorSystem|$C $E|MirrorSystem;$DEV;{}"
    "MirrorSystem overwrite|$C $E|MirrorSystem;$DEV;{'overwrite':<true>}"
    "GrowArray|$M|GrowArray;$MD;3;[$DEV];[];{}"
    "GrowArray overwrite|$M $E|GrowArray;$MD;3;[$DEV];[];{'overwrite':<true>}"
    "BackUpToDisk|$M|BackUpToDisk;$MD;$DEV;{}"
    "BackUpToDisk overwrite|$M $E|BackUpToDisk;$MD;$DEV;{'overwrite':<true>}"
    "OpenBackup|$M|OpenBackup;$DEV;{}"
    "CloseBackup|$M|CloseBackup;$DEV;{}"
    "RequestSyncAction|$S|RequestSyncAction;$MD;check;{}"
    "SetSyncSpeedLimits|$M|SetSyncSpeedLimits;$MD;1000;system;{}"
    "SetCheckSchedule|$S|SetCheckSchedule;%bad;{}"
    "ZeroSuperblock|$E|ZeroSuperblock;$DEV;{}"
    "CopyPartitionTable|$E|CopyPartitionTable;$DEV;$DEV2;{}"
    "CopyPartitionTable overwrite|$E|CopyPartitionTable;$DEV;$DEV2;{'overwrite':<true>}"
    "DropJob|$M|DropJob;20260101-000000-000-0000"
    "ResumeJob|$M|ResumeJob;20260101-000000-000-0000;{}"
    "RollBackJob|$M $E|RollBackJob;20260101-000000-000-0000;{}"
    "WriteMdadmConf|$M|WriteMdadmConf;{}"
    "MakeFilesystem|$V|MakeFilesystem;$DEV;ext4;{}"
    "MakeFilesystem overwrite|$V $E|MakeFilesystem;$DEV;ext4;{'overwrite':<true>}"
    "CreateVolumeGroup|$V|CreateVolumeGroup;vgnone;[$DEV];{}"
    "CreateVolumeGroup overwrite|$V $E|CreateVolumeGroup;vgnone;[$DEV];{'overwrite':<true>}"
    "ExtendVolumeGroup|$V|ExtendVolumeGroup;vgnone;[$DEV];{}"
    "ExtendVolumeGroup overwrite|$V $E|ExtendVolumeGroup;vgnone;[$DEV];{'overwrite':<true>}"
    "CreateVolume|$V|CreateVolume;vgnone;lvnone;{'size':<uint64 1048576>}"
    "GrowVolume|$V|GrowVolume;$DEV;{}"
    "ReduceVolumeGroup|$V|ReduceVolumeGroup;vgnone;$DEV;{}"
    "ReduceVolumeGroup move|$V|ReduceVolumeGroup;vgnone;$DEV;{'move':<true>}"
    "ShrinkVolume|$E|ShrinkVolume;$DEV;{'size':<uint64 1048576>}"
    "UseNewSpace|$V|UseNewSpace;$MD;{'volume':<'lvnone'>}"
    "RemoveVolume|$E|RemoveVolume;$DEV;{}"
    "RemoveVolumeGroup|$E|RemoveVolumeGroup;vgnone;{}"
)

# Every method that changes something is in the matrix (UnfinishedJobs, Backups, VolumeGroups, MdSuperblocks and FollowJob only read).
for method in $(grep -o '<method name="[A-Za-z]*"' /src/helper/data/org.plexus.Helper1.xml | cut -d'"' -f2); do
    case $method in UnfinishedJobs|Backups|VolumeGroups|MdSuperblocks|FollowJob) continue ;; esac
    printf '%s\n' "${CALLS[@]}" | grep -q "^$method[ |]" || fail "the matrix has no call of $method"
done

# has LIST ITEM
has() { [[ " $1 " == *" $2 "* ]]; }

step "the matrix: ${#CALLS[@]} calls x ${#USERS[@]} users"
before=$(fingerprint)
# Each user makes every call over one connection of its own (helper_calls.py):
# setpriv, not runuser (no PAM session), and no process per call.
declare -A REPLY=()
for u in "${USERS[@]}"; do
    mapfile -t replies < <(printf '%s\n' "${CALLS[@]}" | cut -d'|' -f3 |
        setpriv --reuid="$u" --regid="$u" --clear-groups python3 "$(dirname "$0")/helper_calls.py" /src/helper/data/org.plexus.Helper1.xml)
    [ ${#replies[@]} = ${#CALLS[@]} ] || fail "$u: ${#replies[@]} replies to ${#CALLS[@]} calls"
    for i in "${!CALLS[@]}"; do REPLY[$u.$i]=${replies[$i]}; done
done
printf '%-32s' "call \\ user"; for u in "${USERS[@]}"; do printf ' %-15s' "${u#pm_}"; done; echo
refused_count=0 accepted_count=0
# (Bash's own matching, not grep: 440 cells, and a process costs under emulation.)
for i in "${!CALLS[@]}"; do
    IFS='|' read -r name needed _ <<<"${CALLS[$i]}"
    printf -v line '%-32s' "$name"
    for u in "${USERS[@]}"; do
        missing=""
        for a in $needed; do has "${GRANTS[$u]}" "$a" || missing="$missing $a"; done
        out=${REPLY[$u.$i]}
        error=''; [[ $out =~ org\.plexus\.Error\.([A-Za-z]*): ]] && error=${BASH_REMATCH[1]}
        if [ -n "$missing" ]; then
            [ "$error" = NotAuthorized ] || { echo "$out"; fail "$name as $u (lacks$missing): not refused as NotAuthorized"; }
            # The refusal names an action the user lacks.
            named=0; for a in $missing; do [[ $out == *"polkit action $a"* ]] && named=1; done
            [ $named = 1 ] || { echo "$out"; fail "$name as $u: the refusal names none of$missing"; }
            cell=refused; refused_count=$((refused_count + 1))
        else
            # Past polkit: success, or a refusal that is not about authorization.
            [ "$out" = ok ] || [ -n "$error" ] || { echo "$out"; fail "$name as $u: no typed error"; }
            case $error in NotAuthorized|Dismissed) echo "$out"; fail "$name as $u (has $needed): refused by polkit";; esac
            cell="ok:$error"
            accepted_count=$((accepted_count + 1))
        fi
        printf -v line '%s %-15s' "$line" "$cell"
    done
    echo "$line"
done
after=$(fingerprint)
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after"); fail "a call changed the machine"; }

echo "matrix: ${#CALLS[@]} calls x ${#USERS[@]} users: $refused_count refused by polkit, $accepted_count past polkit"
echo PASS
