/** A contact chosen in the contact picker. */
export interface PickedContact {
  id: string;
  name: string;
  email: string;
}
