// Compile-time check for the console's menus of server codes. The console may import only types from
// the server, so a menu lists the codes again; everyOf<Union>()([...]) accepts only members of the
// union and fails to compile (naming what is missing) unless the list has every member.
export function everyOf<All extends string>() {
  return <const L extends readonly All[]>(
    list: L & ([Exclude<All, L[number]>] extends [never] ? unknown : { missing: Exclude<All, L[number]> }),
  ): L => list;
}
